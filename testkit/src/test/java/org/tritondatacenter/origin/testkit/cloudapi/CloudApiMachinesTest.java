package org.tritondatacenter.origin.testkit.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.testkit.cloudapi.CloudApiHarness.Answer;

class CloudApiMachinesTest {
  private CloudApiHarness h;

  @BeforeEach
  void start() throws Exception {
    h = CloudApiHarness.start();
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  @Test
  void createMachine_answers201WithLocationAndAProvisioningMachine() {
    Answer a =
        h.post(
            "/my/machines",
            Map.of("image", CloudApiHarness.ORIGIN, "package", "sample-1G", "name", "web-1"));

    assertThat(a.status()).isEqualTo(201);
    Map<String, Object> m = a.map();
    assertThat(a.header("Location")).isEqualTo("/alice/machines/" + m.get("id"));
    assertThat(m)
        .containsEntry("name", "web-1")
        .containsEntry("state", "provisioning")
        .containsEntry("image", CloudApiHarness.ORIGIN)
        .containsEntry("package", "sample-1G")
        .containsEntry("memory", 1024)
        .containsEntry("disk", 51200)
        .containsEntry("brand", "joyent-minimal")
        .containsEntry("ips", List.of())
        .containsEntry("nics", List.of())
        .containsKeys("created", "updated", "metadata", "tags", "networks");
  }

  @Test
  void createMachine_flatKeysBecomeMetadataAndTags_nestedObjectsAreIgnored() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("metadata.user-script", "#!/bin/bash\n");
    body.put("metadata.root_pw", "secret");
    body.put("tag.triton-origin.build", "b-42");
    body.put("tag.count", 3);
    body.put("metadata", Map.of("nested", "ignored"));
    body.put("tags", Map.of("nested", "ignored"));

    Map<String, Object> m = h.createMachine("flat", body);

    assertThat(m.get("metadata")).isEqualTo(Map.of("user-script", "#!/bin/bash\n"));
    assertThat(m.get("tags")).isEqualTo(Map.of("triton-origin.build", "b-42", "count", 3));
  }

  @Test
  void createMachine_nameTemplate_replacesShortId() {
    Map<String, Object> templated = h.createMachine("proto-{{shortId}}", Map.of());
    Answer unnamed =
        h.post("/my/machines", Map.of("image", CloudApiHarness.ORIGIN, "package", "sample-2G"));

    String id = (String) templated.get("id");
    assertThat(templated.get("name")).isEqualTo("proto-" + id.substring(0, 8));
    String otherId = (String) unnamed.map().get("id");
    assertThat(unnamed.map().get("name")).isEqualTo(otherId.substring(0, 8));
  }

  @Test
  void createMachine_badInput_answersTheDocumentedErrors() {
    Map<String, Object> noImage = Map.of("package", "sample-1G");
    Map<String, Object> badImage = Map.of("image", "minimal", "package", "sample-1G");
    Map<String, Object> unknownImage =
        Map.of("image", "00000000-0000-4000-8000-000000000000", "package", "sample-1G");
    Map<String, Object> unknownPackage =
        Map.of("image", CloudApiHarness.ORIGIN, "package", "sample-64G");
    Map<String, Object> noPackage = Map.of("image", CloudApiHarness.ORIGIN);
    Map<String, Object> badName =
        Map.of("image", CloudApiHarness.ORIGIN, "package", "sample-1G", "name", "-bad name");
    Map<String, Object> badNetwork =
        Map.of(
            "image",
            CloudApiHarness.ORIGIN,
            "package",
            "sample-1G",
            "networks",
            List.of("00000000-0000-4000-8000-000000000009"));

    assertError(h.post("/my/machines", noImage), 409, "MissingParameter", "image");
    assertError(h.post("/my/machines", badImage), 409, "InvalidArgument", "image");
    assertError(h.post("/my/machines", unknownImage), 404, "ResourceNotFound", "image");
    assertError(h.post("/my/machines", unknownPackage), 404, "ResourceNotFound", "sample-64G");
    assertError(h.post("/my/machines", noPackage), 409, "MissingParameter", "package");
    assertError(h.post("/my/machines", badName), 409, "InvalidArgument", "name");
    assertError(h.post("/my/machines", badNetwork), 409, "InvalidArgument", "networks");
    assertThat(h.cloud.machines()).isEmpty();
  }

  @Test
  void createMachine_nameInUse_answers409() {
    h.createMachine("twin", Map.of());

    Answer a =
        h.post(
            "/my/machines",
            Map.of("image", CloudApiHarness.ORIGIN, "package", "sample-1G", "name", "twin"));

    assertError(a, 409, "InvalidArgument", "twin");
  }

  @Test
  void machine_lifecycle_followsTheSimulationClock() {
    String id = (String) h.createMachine("life", Map.of()).get("id");
    String path = "/my/machines/" + id;

    h.clock.advance(Duration.ofSeconds(59));
    assertThat(h.state(id)).isEqualTo("provisioning");
    h.clock.advance(Duration.ofSeconds(1));
    Map<String, Object> running = h.get(path).map();
    assertThat(running).containsEntry("state", "running");
    assertThat((String) running.get("primaryIp")).startsWith("203.0.113.");
    assertThat((List<?>) running.get("nics")).hasSize(1);
    assertThat(running.get("compute_node")).isNotNull();

    assertThat(h.post(path + "?action=stop", Map.of()).status()).isEqualTo(202);
    assertThat(h.state(id)).isEqualTo("stopping");
    h.clock.advance(Duration.ofSeconds(15));
    assertThat(h.state(id)).isEqualTo("stopped");
    assertThat(h.post(path + "?action=stop", Map.of()).status()).isEqualTo(202);

    assertThat(h.delete(path).status()).isEqualTo(204);
    assertThat(h.delete(path).status()).isEqualTo(204);
    h.clock.advance(Duration.ofSeconds(10));
    Answer gone = h.get(path);
    assertThat(gone.status()).isEqualTo(410);
    assertThat(gone.map()).containsEntry("id", id).containsEntry("state", "deleted");
    assertThat(h.delete(path).status()).isEqualTo(410);
    assertThat(h.post(path + "?action=stop", Map.of()).status()).isEqualTo(410);
  }

  @Test
  void stopMachine_actionInTheBody_likeNodeTriton() {
    String id = (String) h.createMachine("body-action", Map.of()).get("id");
    h.clock.advance(Duration.ofMinutes(1));

    Answer a = h.post("/my/machines/" + id, Map.of("action", "stop"));

    assertThat(a.status()).isEqualTo(202);
    assertThat(h.state(id)).isEqualTo("stopping");
    assertThat(h.log.operation("StopMachine")).hasSize(1);
  }

  @Test
  void stopMachine_whileProvisioning_answers409InvalidState() {
    String id = (String) h.createMachine("early", Map.of()).get("id");

    assertError(h.post("/my/machines/" + id + "?action=stop", Map.of()), 409, "InvalidState", id);
    assertError(
        h.post("/my/machines/" + id + "?action=reboot", Map.of()),
        409,
        "InvalidArgument",
        "reboot");
    assertError(h.post("/my/machines/" + id, Map.of()), 409, "MissingParameter", "action");
  }

  @Test
  void getMachine_unknown_answers404() {
    Answer a = h.get("/my/machines/00000000-0000-4000-8000-000000000000");

    assertError(a, 404, "ResourceNotFound", "00000000-0000-4000-8000-000000000000");
  }

  @Test
  void listMachines_filtersByNameStateImageAndTags() {
    h.createMachine("a", Map.of("tag.role", "build", "tag.build", "1"));
    h.createMachine("b", Map.of("tag.role", "build", "tag.build", "2"));
    h.createMachine("c", Map.of());
    h.clock.advance(Duration.ofMinutes(1));

    assertThat(names(h.get("/my/machines?name=b"))).containsExactly("b");
    assertThat(names(h.get("/my/machines?tag.role=build"))).containsExactly("a", "b");
    assertThat(names(h.get("/my/machines?tag.role=build&tag.build=2"))).containsExactly("b");
    assertThat(names(h.get("/my/machines?tags=*"))).containsExactly("a", "b");
    assertThat(names(h.get("/my/machines?state=running"))).containsExactly("a", "b", "c");
    assertThat(names(h.get("/my/machines?state=stopped"))).isEmpty();
    assertThat(names(h.get("/my/machines?image=" + CloudApiHarness.ORIGIN))).hasSize(3);
  }

  @Test
  void listMachines_pagesWithLimitAndOffset_andCountsInHeaders() {
    for (int i = 0; i < 5; i++) {
      h.createMachine("m" + i, Map.of());
    }

    Answer first = h.get("/my/machines?limit=2&offset=0");
    Answer last = h.get("/my/machines?limit=2&offset=4");
    Answer head = h.head("/my/machines");

    assertThat(names(first)).containsExactly("m0", "m1");
    assertThat(first.header("x-resource-count")).isEqualTo("5");
    assertThat(first.header("x-query-limit")).isEqualTo("2");
    assertThat(names(last)).containsExactly("m4");
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("x-resource-count")).isEqualTo("5");
    assertThat(head.header("x-query-limit")).isEqualTo("1000");
    assertError(h.get("/my/machines?limit=1001"), 409, "InvalidArgument", "limit");
  }

  @Test
  void listMachines_leavesDeletedMachinesOut_andTheLeakReportKeepsUndeletedOnes() {
    String gone = (String) h.createMachine("gone", Map.of()).get("id");
    String kept =
        (String) h.createMachine("kept", Map.of("tag.triton-origin.build", "b-7")).get("id");
    h.delete("/my/machines/" + gone);

    assertThat(names(h.get("/my/machines"))).containsExactly("gone", "kept");
    h.clock.advance(Duration.ofMinutes(1));
    assertThat(names(h.get("/my/machines"))).containsExactly("kept");
    assertThat(h.cloud.undeletedMachines())
        .containsExactly(kept + " (name kept, triton-origin.build=b-7)");
    assertThat(h.cloud.machines()).hasSize(2);
  }

  private static List<Object> names(Answer a) {
    assertThat(a.status()).isEqualTo(200);
    return a.list().stream().map(m -> m.get("name")).toList();
  }

  static void assertError(Answer a, int status, String code, String messagePart) {
    assertThat(a.status()).as(a.body()).isEqualTo(status);
    assertThat(a.code()).isEqualTo(code);
    assertThat(a.map().get("message").toString()).contains(messagePart);
  }
}
