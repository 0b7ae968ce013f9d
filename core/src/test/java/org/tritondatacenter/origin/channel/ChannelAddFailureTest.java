package org.tritondatacenter.origin.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.operations.LocalOps;
import org.tritondatacenter.origin.operations.SimulatedCrash;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.state.RecordKeeper;
import org.tritondatacenter.origin.steps.ChannelAddResult;
import org.tritondatacenter.origin.steps.ChannelAddResult.Change;
import org.tritondatacenter.origin.steps.ChannelAddResult.Outcome;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.RequestRecord;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.imgapi.ImgapiSimulator;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

/** Each phase of channel-add failing, interrupted, or dying in a crash, and the resume after. */
class ChannelAddFailureTest {
  private static final ScaledClock CLOCK = ScaledClock.create(1000);

  @RegisterExtension
  static final LocalTritonExtension triton =
      LocalTritonExtension.withOptions(LocalOps.options(CLOCK).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(triton);

  private static final String IMAGE = "22222222-2222-4222-8222-222222222222";
  private static final List<String> TARGETS = List.of("staging", "release", "support");

  private LocalOps ops;
  private ImgapiSimulator server;

  @BeforeEach
  void seed(LocalTriton t) {
    ops = new LocalOps(t, CLOCK);
    server = t.imgapi("updates");
    server.seedImage(
        Map.of(
            "uuid",
            IMAGE,
            "name",
            "triton-origin-x86_64-24.4.1",
            "version",
            "1.0",
            "published_at",
            "2026-02-01T00:00:00Z"),
        List.of("dev"));
    t.requests().clear();
  }

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  private static ChannelAddRequest request() {
    return ChannelAddRequest.byUuids("dev", List.of(IMAGE), TARGETS, false);
  }

  private static ChannelAddResult run(ImgapiClient imgapi, RecordKeeper record) {
    return new ChannelAdd(imgapi, CLOCK, EventListener.NONE).run(request(), record);
  }

  private static RecordKeeper record() {
    return new RecordKeeper(new MemoryRunRecordStore(), "memory");
  }

  @SuppressWarnings("unchecked")
  private List<String> channels() {
    return (List<String>) server.image(IMAGE).orElseThrow().get("channels");
  }

  /** Returns the ChannelAddImage calls the server carried out, leaving out those a fault ate. */
  private List<RequestRecord> addsCarriedOut() {
    return ops.triton().requests().operation("ChannelAddImage").stream()
        .filter(r -> r.fault() == null && r.status() == 200)
        .toList();
  }

  private static List<Map<String, Object>> savedChanges(RecordKeeper record) {
    return record.section(ChannelAdd.SECTION, ChannelAddRecord.class).orElseThrow().changes();
  }

  /**
   * Interrupts the operation's thread when the {@code skip + 1}-th request of {@code operation}
   * arrives, and holds that request long enough for the interrupt to win over the answer, which is
   * an error: the server carries nothing out. The count is kept here rather than with {@link
   * Fault#skip(int)}, because the filter runs, and would interrupt, before the skip is applied.
   */
  private void interruptAt(String operation, int skip) {
    Thread caller = Thread.currentThread();
    AtomicInteger seen = new AtomicInteger();
    ops.triton()
        .faults()
        .add(
            Fault.when(ServiceKind.IMGAPI, operation)
                .matching(
                    e -> {
                      if (seen.getAndIncrement() == skip) {
                        caller.interrupt();
                        return true;
                      }
                      return false;
                    })
                .delay(Duration.ofMillis(500))
                .status(503, "ServiceUnavailable", "too late"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ListChannels", "GetImage", "ChannelAddImage"})
  void channelAdd_failureInPhase_namesItAndChangesNothing(String operation) {
    ops.triton()
        .faults()
        .add(
            Fault.when(ServiceKind.IMGAPI, operation)
                .status(422, "ValidationFailed", "simulated refusal"));
    RecordKeeper record = record();

    assertThatThrownBy(() -> run(ops.updates(), record))
        .isInstanceOf(TritonException.class)
        .hasMessageContaining("simulated refusal");

    assertThat(channels()).containsExactly("dev");
    assertThat(addsCarriedOut()).isEmpty();
    assertThat(record.section(ChannelAdd.SECTION, ChannelAddRecord.class)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "ListChannels, IMGAPI ListChannels was interrupted",
    "GetImage, IMGAPI GetImage was interrupted",
    "ChannelAddImage, to channel 'staging' was interrupted; nothing was added"
  })
  void channelAdd_interruptedInPhase_stopsBeforeAnyChange(String operation, String message) {
    interruptAt(operation, 0);
    RecordKeeper record = record();

    assertThatThrownBy(() -> run(ops.updates(), record))
        .isInstanceOf(OperationInterruptedException.class)
        .hasMessageContaining(message);

    assertThat(Thread.interrupted()).isTrue();
    assertThat(channels()).containsExactly("dev");
    assertThat(addsCarriedOut()).isEmpty();
    assertThat(record.section(ChannelAdd.SECTION, ChannelAddRecord.class)).isEmpty();
  }

  @Test
  void channelAdd_interruptedWhileSecondAddIsHeld_recordSaysWhatWasAdded() {
    interruptAt("ChannelAddImage", 1);
    RecordKeeper record = record();

    assertThatThrownBy(() -> run(ops.updates(), record))
        .isInstanceOf(OperationInterruptedException.class)
        .hasMessageContaining("to channel 'release' was interrupted")
        .hasMessageContaining("added before: " + IMAGE + " to 'staging'");

    assertThat(Thread.interrupted()).isTrue();
    // The held request was answered with an error, so 'release' was not half-added.
    assertThat(channels()).containsExactly("dev", "staging");
    ChannelAddRecord saved =
        record.section(ChannelAdd.SECTION, ChannelAddRecord.class).orElseThrow();
    assertThat(saved.result()).isNull();
    assertThat(saved.changes())
        .singleElement()
        .satisfies(
            c ->
                assertThat(c)
                    .containsEntry("uuid", IMAGE)
                    .containsEntry("channel", "staging")
                    .containsEntry("result", "added"));
  }

  @Test
  void channelAdd_rerunAfterInterrupt_addsOnlyWhatIsMissing() {
    interruptAt("ChannelAddImage", 1);
    RecordKeeper record = record();
    assertThatThrownBy(() -> run(ops.updates(), record))
        .isInstanceOf(OperationInterruptedException.class);
    assertThat(Thread.interrupted()).isTrue();

    ChannelAddResult result = run(ops.updates(), record);

    assertThat(result.changes())
        .extracting(Change::channel, Change::result)
        .containsExactly(
            tuple("staging", Outcome.ALREADY_PRESENT),
            tuple("release", Outcome.ADDED),
            tuple("support", Outcome.ADDED));
    assertThat(channels()).containsExactly("dev", "staging", "release", "support");
    assertThat(addsCarriedOut()).hasSize(TARGETS.size());
  }

  @Test
  void channelAdd_crashAfterFirstChannel_resumesWithoutASecondAdd() {
    // The first save after a change is the one that records 'staging' as added.
    SimulatedCrash crash = new SimulatedCrash(json -> json.contains("\"added\""));

    assertThatThrownBy(
            () -> run(ops.crashing(crash).updates(), new RecordKeeper(crash.store(), "crashed")))
        .isInstanceOf(SimulatedCrash.Died.class);
    assertThat(crash.crashed()).isTrue();
    assertThat(channels()).containsExactly("dev", "staging");
    assertThat(addsCarriedOut()).hasSize(1);

    RecordKeeper resumed = new RecordKeeper(crash.savedRecord(), "saved");
    assertThat(savedChanges(resumed))
        .singleElement()
        .satisfies(c -> assertThat(c).containsEntry("channel", "staging"));
    ChannelAddResult result = run(ops.updates(), resumed);

    assertThat(result.changes())
        .extracting(Change::channel, Change::result)
        .containsExactly(
            tuple("staging", Outcome.ALREADY_PRESENT),
            tuple("release", Outcome.ADDED),
            tuple("support", Outcome.ADDED));
    assertThat(channels()).containsExactly("dev", "staging", "release", "support");
    // One ChannelAddImage per target channel over both runs: 'staging' was not added twice.
    assertThat(ops.triton().requests().count("ChannelAddImage")).isEqualTo(TARGETS.size());
    assertThat(ops.triton().requests().all())
        .filteredOn(r -> r.operation().equals("ChannelAddImage"))
        .allSatisfy(r -> assertThat(r.pathAndQuery()).contains("/images/" + IMAGE));
    assertThat(resumed.section(ChannelAdd.SECTION, ChannelAddRecord.class).orElseThrow().result())
        .isEqualTo(result.toMap());
    secrets.record(resumed.json());
  }

  @Test
  void channelAdd_crashAfterLastChannelBeforeTheResult_resumeAddsNothing() {
    // Every pair is saved as added, then the process dies before the finished result is saved.
    SimulatedCrash crash = new SimulatedCrash(json -> countAdded(json) == TARGETS.size());

    assertThatThrownBy(
            () -> run(ops.crashing(crash).updates(), new RecordKeeper(crash.store(), "crashed")))
        .isInstanceOf(SimulatedCrash.Died.class);
    RecordKeeper resumed = new RecordKeeper(crash.savedRecord(), "saved");
    assertThat(resumed.section(ChannelAdd.SECTION, ChannelAddRecord.class).orElseThrow().result())
        .isNull();

    ChannelAddResult result = run(ops.updates(), resumed);

    assertThat(result.changes()).extracting(Change::result).containsOnly(Outcome.ALREADY_PRESENT);
    assertThat(ops.triton().requests().count("ChannelAddImage")).isEqualTo(TARGETS.size());
  }

  private static int countAdded(String json) {
    return json.split("\"added\"", -1).length - 1;
  }
}
