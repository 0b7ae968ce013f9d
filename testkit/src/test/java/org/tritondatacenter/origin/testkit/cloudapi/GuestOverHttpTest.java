package org.tritondatacenter.origin.testkit.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.testkit.cloudapi.guest.GuestBehaviour;

/** The guest seen the way a build sees it: through CloudAPI's machine state and metadata. */
class GuestOverHttpTest {
  private static final String SCRIPT =
      """
      #!/bin/bash
      mdata-put triton-origin:status running
      mdata-put triton-origin:step update
      pkgin -f -y update
      mdata-put triton-origin:step install
      pkgin -y in curl
      mdata-put triton-origin:step done
      mdata-put triton-origin:pkgs "$(pkgin list)"
      mdata-put triton-origin:status ok
      """;

  private CloudApiHarness h;

  @BeforeEach
  void start() throws Exception {
    h = CloudApiHarness.start();
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  private String create(String name) {
    return (String) h.createMachine(name, Map.of("metadata.user-script", SCRIPT)).get("id");
  }

  private String metadata(String id, String key) {
    CloudApiHarness.Answer a =
        h.get("/my/machines/" + id + "/metadata/" + key, "Accept", "text/plain");
    return a.status() == 200 ? a.body() : null;
  }

  @Test
  void script_runsOnceTheMachineIsRunning_andReportsThroughMetadata() {
    String id = create("ok-build");

    assertThat(metadata(id, "triton-origin:status")).isNull();
    h.clock.advance(Duration.ofSeconds(60));
    assertThat(metadata(id, "triton-origin:status")).isEqualTo("running");
    assertThat(metadata(id, "triton-origin:step")).isEqualTo("update");
    h.clock.advance(Duration.ofSeconds(60));

    assertThat(metadata(id, "triton-origin:status")).isEqualTo("ok");
    assertThat(metadata(id, "triton-origin:pkgs")).isEqualTo("curl-8.6.0");
    assertThat(h.state(id)).isEqualTo("running");
    assertThat(h.get("/my/machines/" + id).map().get("metadata").toString())
        .contains("triton-origin:status=ok");
  }

  @Test
  void stoppingTheMachine_stopsTheScript() {
    String id = create("stopped-early");
    h.clock.advance(Duration.ofSeconds(70));

    h.post("/my/machines/" + id + "?action=stop", Map.of());
    h.clock.advance(Duration.ofHours(1));

    assertThat(metadata(id, "triton-origin:status")).isEqualTo("running");
    assertThat(metadata(id, "triton-origin:step")).isEqualTo("update");
    assertThat(h.state(id)).isEqualTo("stopped");
  }

  @Test
  void crash_putsTheMachineInStateFailed() {
    h.cloud.guest().behaveForName("crashy", GuestBehaviour.crashAt("install"));
    String id = create("crashy-1");

    h.clock.advance(Duration.ofSeconds(60));
    assertThat(h.state(id)).isEqualTo("running");
    h.clock.advance(Duration.ofSeconds(30));

    assertThat(h.state(id)).isEqualTo("failed");
    assertThat(h.post("/my/machines/" + id + "?action=stop", Map.of()).status()).isEqualTo(409);
  }

  @Test
  void behaviourById_setAfterCreation_appliesToTheRestOfTheScript() {
    String id = create("late-rule");
    h.cloud.guest().behaveForMachine(id, GuestBehaviour.failAt("install"));

    h.clock.advance(Duration.ofMinutes(5));

    assertThat(metadata(id, "triton-origin:status")).isEqualTo("failed");
    assertThat(metadata(id, "triton-origin:error")).startsWith("pkgin -y in curl\n");
    assertThat(h.state(id)).isEqualTo("running");
  }

  @Test
  void hang_keepsTheMachineRunningWithStatusRunning() {
    h.cloud.guest().behaveForNext(1, GuestBehaviour.hang());
    String id = create("hangs");

    h.clock.advance(Duration.ofDays(1));

    assertThat(metadata(id, "triton-origin:status")).isEqualTo("running");
    assertThat(h.state(id)).isEqualTo("running");
  }
}
