package org.tritondatacenter.origin.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.operations.LocalOps;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.state.RecordKeeper;
import org.tritondatacenter.origin.steps.ChannelAddResult;
import org.tritondatacenter.origin.steps.ChannelAddResult.Change;
import org.tritondatacenter.origin.steps.ChannelAddResult.Outcome;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.imgapi.ImgapiSimulator;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

class ChannelAddTest {
  private static final ScaledClock CLOCK = ScaledClock.create(1000);

  @RegisterExtension
  static final LocalTritonExtension triton =
      LocalTritonExtension.withOptions(LocalOps.options(CLOCK).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(triton);

  private static final String OLD = "11111111-1111-4111-8111-111111111111";
  private static final String NEW = "22222222-2222-4222-8222-222222222222";
  private static final String OTHER = "33333333-3333-4333-8333-333333333333";
  private static final String ELSEWHERE = "44444444-4444-4444-8444-444444444444";

  private ImgapiClient imgapi;
  private ImgapiSimulator server;

  @BeforeEach
  void seed(LocalTriton t) {
    server = t.imgapi("updates");
    seed(OLD, "triton-origin-x86_64-24.4.1", "1.0", "2026-01-01T00:00:00Z", List.of("dev"));
    seed(NEW, "triton-origin-x86_64-24.4.1", "1.0", "2026-02-01T00:00:00Z", List.of("dev"));
    seed(OTHER, "triton-origin-x86_64-21.4.0", "1.0", "2026-01-15T00:00:00Z", List.of("dev"));
    seed(
        ELSEWHERE,
        "triton-origin-x86_64-21.4.0",
        "2.0",
        "2026-01-15T00:00:00Z",
        List.of("experimental"));
    imgapi = new LocalOps(t, CLOCK).updates();
  }

  private void seed(String uuid, String name, String version, String at, List<String> channels) {
    server.seedImage(
        Map.of("uuid", uuid, "name", name, "version", version, "published_at", at), channels);
  }

  private ChannelAddResult run(ChannelAddRequest request, RecordKeeper record) {
    return new ChannelAdd(imgapi, CLOCK, EventListener.NONE).run(request, record);
  }

  private static RecordKeeper record() {
    return new RecordKeeper(new MemoryRunRecordStore(), "memory");
  }

  @SuppressWarnings("unchecked")
  private List<String> channels(String uuid) {
    return (List<String>) server.image(uuid).orElseThrow().get("channels");
  }

  @Test
  void channelAdd_byUuids_addsEveryTargetChannel() {
    ChannelAddResult result =
        run(
            ChannelAddRequest.byUuids(
                "dev", List.of(NEW, OTHER), List.of("staging", "release"), false),
            record());

    assertThat(result.changes())
        .extracting(Change::uuid, Change::channel, Change::result)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(NEW, "staging", Outcome.ADDED),
            org.assertj.core.groups.Tuple.tuple(NEW, "release", Outcome.ADDED),
            org.assertj.core.groups.Tuple.tuple(OTHER, "staging", Outcome.ADDED),
            org.assertj.core.groups.Tuple.tuple(OTHER, "release", Outcome.ADDED));
    assertThat(channels(NEW)).containsExactlyInAnyOrder("dev", "staging", "release");
    assertThat(channels(OLD)).containsExactly("dev");
  }

  @Test
  void channelAdd_byNameVersionLatest_addsOnlyTheNewestPerName() {
    ChannelAddResult result =
        run(
            ChannelAddRequest.byName(
                "dev", "triton-origin-", "1.0", true, List.of("staging"), false),
            record());

    assertThat(result.changes()).extracting(Change::uuid).containsExactlyInAnyOrder(NEW, OTHER);
    assertThat(channels(OLD)).containsExactly("dev");
    assertThat(channels(NEW)).contains("staging");
  }

  @Test
  void channelAdd_byNameWithoutLatest_addsEveryMatch() {
    ChannelAddResult result =
        run(
            ChannelAddRequest.byName("dev", "24.4.1", "1.0", false, List.of("staging"), false),
            record());

    assertThat(result.changes()).extracting(Change::uuid).containsExactly(OLD, NEW);
  }

  @Test
  void channelAdd_runTwice_secondRunFindsEverythingPresent() {
    ChannelAddRequest request =
        ChannelAddRequest.byUuids("dev", List.of(NEW), List.of("staging", "release"), false);
    run(request, record());
    int posts = triton.triton().requests().count("ChannelAddImage");

    ChannelAddResult again = run(request, record());

    assertThat(again.changes()).extracting(Change::result).containsOnly(Outcome.ALREADY_PRESENT);
    assertThat(triton.triton().requests().count("ChannelAddImage")).isEqualTo(posts);
  }

  @Test
  void channelAdd_sameRecordAfterFinish_returnsTheSavedResult() {
    RecordKeeper record = record();
    ChannelAddRequest request =
        ChannelAddRequest.byUuids("dev", List.of(NEW), List.of("staging"), false);
    ChannelAddResult first = run(request, record);
    triton.triton().requests().clear();

    ChannelAddResult again = run(request, record);

    assertThat(again).isEqualTo(first);
    assertThat(again.changes()).extracting(Change::result).containsExactly(Outcome.ADDED);
    assertThat(triton.triton().requests().all()).isEmpty();
    assertThat(record.json()).contains("\"channelAdd\"").contains("\"result\"");
  }

  @Test
  void channelAdd_dryRun_listsChangesAndSendsNoWrite() {
    server.seedImage(
        Map.of("uuid", NEW, "name", "triton-origin-x86_64-24.4.1"), List.of("staging"));
    triton.triton().requests().clear();
    RecordKeeper record = record();

    ChannelAddResult result =
        run(
            ChannelAddRequest.byUuids("dev", List.of(NEW), List.of("staging", "release"), true),
            record);

    assertThat(result.changes())
        .extracting(Change::channel, Change::result)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("staging", Outcome.ALREADY_PRESENT),
            org.assertj.core.groups.Tuple.tuple("release", Outcome.WOULD_ADD));
    assertThat(triton.triton().requests().all())
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.method()).isEqualTo("GET"));
    assertThat(channels(NEW)).containsExactlyInAnyOrder("dev", "staging");
    assertThat(record.json()).doesNotContain("channelAdd");
  }

  @Test
  void channelAdd_unknownTargetChannel_failsBeforeAnyChange() {
    assertThatThrownBy(
            () ->
                run(
                    ChannelAddRequest.byUuids(
                        "dev", List.of(NEW), List.of("staging", "relase"), false),
                    record()))
        .isInstanceOf(TritonException.class)
        .hasMessageContaining("channel 'relase' does not exist")
        .hasMessageContaining("release");
    assertThat(triton.triton().requests().count("ChannelAddImage")).isZero();
  }

  @Test
  void channelAdd_imageInAnotherChannel_namesWhereItIs() {
    assertThatThrownBy(
            () ->
                run(
                    ChannelAddRequest.byUuids("dev", List.of(ELSEWHERE), List.of("staging"), false),
                    record()))
        .isInstanceOf(TritonException.class)
        .hasMessageContaining(ELSEWHERE)
        .hasMessageContaining("not in channel 'dev' but in experimental");
  }

  @Test
  void channelAdd_noImageMatches_namesTheFilter() {
    assertThatThrownBy(
            () ->
                run(
                    ChannelAddRequest.byName(
                        "dev", "nonesuch", "1.0", true, List.of("staging"), false),
                    record()))
        .isInstanceOf(TritonException.class)
        .hasMessageContaining("'nonesuch'")
        .hasMessageContaining("version '1.0'");
  }

  @Test
  void channelAdd_failureHalfWay_saysWhatWasAdded() {
    triton
        .triton()
        .faults()
        .add(
            org.tritondatacenter.origin.testkit.http.Fault.when(
                    org.tritondatacenter.origin.testkit.http.ServiceKind.IMGAPI, "ChannelAddImage")
                .skip(1)
                .status(422, "ValidationFailed", "simulated refusal"));

    assertThatThrownBy(
            () ->
                run(
                    ChannelAddRequest.byUuids(
                        "dev", List.of(NEW), List.of("staging", "release"), false),
                    record()))
        .isInstanceOf(TritonException.class)
        .hasMessageContaining("to channel 'release' failed")
        .hasMessageContaining("added before: " + NEW + " to 'staging'");
  }
}
