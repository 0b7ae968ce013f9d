package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.BuildFailedException;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.flow.LateAnswer;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.http.Json;
import org.tritondatacenter.origin.imgapi.ImageManifest;
import org.tritondatacenter.origin.publish.FileSourceMode;
import org.tritondatacenter.origin.publish.ImageFileSource;
import org.tritondatacenter.origin.publish.Publish;
import org.tritondatacenter.origin.publish.PublishItem;
import org.tritondatacenter.origin.publish.PublishSettings;
import org.tritondatacenter.origin.steps.PublishResult;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.Clock;
import org.tritondatacenter.origin.wait.ManualClock;
import org.tritondatacenter.origin.wait.ScaledClock;
import org.tritondatacenter.origin.wait.Sleeper;

/**
 * R4 and R21 for publish: IMGAPI records an AdminImportImage a moment after the client gave up on
 * it (a read timeout, an abort). The failed or aborted publish looks again for a short while, so
 * the late image is deleted at once instead of staying unactivated until {@code gc}; what it cannot
 * look up is reported. A run whose import was answered never waits for that second look.
 */
class LateImportTest {
  /**
   * Slow enough that the 15 simulated seconds cleanup looks again are 3 real seconds, ten times the
   * injected {@link #COMMIT_DELAY}.
   */
  private static final ScaledClock CLOCK = ScaledClock.create(5);

  /** How long (real time) testkit holds the import before recording it and dropping the answer. */
  private static final Duration COMMIT_DELAY = Duration.ofMillis(300);

  private static final String IMPORT = "AdminImportImage";
  private static final String LOOK_AGAIN = "image of an unanswered AdminImportImage";
  private static final String DELETE = "delete unactivated image";

  @RegisterExtension static final LocalTritonExtension TRITON = LocalTritonExtension.withDefaults();

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void publish_importTimesOutAndIsRecordedLate_cleanupDeletesTheLateImage() {
    LocalTriton triton = TRITON.triton();
    Rig rig = impatient(triton);
    PublishItem item = item();
    Fault late = triton.faults().add(commitLate());

    Throwable thrown = catchThrowable(() -> publish(rig, item, CLOCK));

    assertThat(thrown)
        .isInstanceOf(BuildFailedException.class)
        .hasMessageContaining("failed at 'import'")
        .hasCauseInstanceOf(TritonIoException.class);
    assertThat(((BuildFailedException) thrown).leftBehind()).isEmpty();
    assertThat(late.fired()).isEqualTo(1);
    assertThat(triton.requests().count(IMPORT)).as("imported once, never resent").isEqualTo(1);
    assertLookedAgainAndDeleted(rig.events, item);
    assertThat(triton.imgapi("updates").image(uuid(item))).isEmpty();
  }

  @Test
  void publish_interruptedWhileTheImportIsHeld_cleanupDeletesTheImageRecordedAfterTheAbort() {
    LocalTriton triton = TRITON.triton();
    Rig rig = Rig.on(triton, CLOCK, CLOCK);
    PublishItem item = item();
    Thread operation = Thread.currentThread();
    AtomicBoolean interrupted = new AtomicBoolean();
    triton
        .faults()
        .add(
            commitLate()
                .matching(
                    e -> {
                      if (interrupted.compareAndSet(false, true)) {
                        operation.interrupt();
                      }
                      return true;
                    }));

    long start = System.nanoTime();
    Throwable thrown = catchThrowable(() -> publish(rig, item, CLOCK));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(thrown)
        .isInstanceOf(OperationInterruptedException.class)
        .hasMessageContaining("interrupted at 'import'");
    assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
    assertLookedAgainAndDeleted(rig.events, item);
    assertThat(triton.imgapi("updates").image(uuid(item))).isEmpty();
    assertThat(took)
        .as("cleanup ends once the late image is gone, well before the look's limit")
        .isLessThan(LateAnswer.WAIT.dividedBy(CLOCK.factor()));
  }

  @Test
  void publish_importRequestLost_cleanupLooksAgainOnlyForTheBoundedTime() {
    LocalTriton triton = TRITON.triton();
    ManualClock clock = new ManualClock();
    Rig rig = Rig.on(triton, clock, clock);
    PublishItem item = item();
    triton.faults().add(Fault.when(ServiceKind.IMGAPI, IMPORT).dropRequest().times(1));

    Throwable thrown = catchThrowable(() -> publish(rig, item, clock));

    assertThat(thrown)
        .isInstanceOf(BuildFailedException.class)
        .hasMessageContaining("failed at 'import'");
    assertThat(clock.totalSlept())
        .as("looked again for exactly the limit")
        .isEqualTo(LateAnswer.WAIT);
    assertThat(rig.events.of(Event.Waiting.class))
        .hasSizeGreaterThan(1)
        .allSatisfy(w -> assertThat(w.resource()).isEqualTo(LOOK_AGAIN))
        .allSatisfy(w -> assertThat(w.lastSeen()).isEqualTo("not made"));
    assertThat(rig.events.of(Event.Cleanup.class)).isEmpty();
    assertThat(triton.imgapi("updates").image(uuid(item))).isEmpty();
  }

  @Test
  void publish_ordinaryRun_neverLooksForALateImport() {
    LocalTriton triton = TRITON.triton();
    ManualClock clock = new ManualClock();
    Rig rig = Rig.on(triton, clock, clock);

    PublishResult result = publish(rig, item(), clock);

    assertThat(result.images())
        .singleElement()
        .extracting(PublishResult.Image::result)
        .isEqualTo(PublishResult.Outcome.PUBLISHED);
    assertThat(clock.totalSlept()).as("no wait at all").isZero();
    assertThat(rig.events.of(Event.Waiting.class)).isEmpty();
  }

  @Test
  void publish_failsAfterAnAnsweredImport_deletesTheImageWithoutLookingAgain() {
    LocalTriton triton = TRITON.triton();
    ManualClock clock = new ManualClock();
    Rig rig = Rig.on(triton, clock, clock);
    PublishItem item = item();
    // A refusal of a call without a body: an upload refused early may be retried after a pause.
    triton
        .faults()
        .add(
            Fault.when(ServiceKind.IMGAPI, "ActivateImage")
                .status(422, "ValidationFailed", "simulated refusal"));

    Throwable thrown = catchThrowable(() -> publish(rig, item, clock));

    assertThat(thrown)
        .isInstanceOf(BuildFailedException.class)
        .hasMessageContaining("failed at 'activate'");
    assertThat(clock.totalSlept()).as("no wait at all").isZero();
    assertThat(rig.events.of(Event.Waiting.class)).isEmpty();
    assertThat(rig.events.of(Event.Cleanup.class))
        .singleElement()
        .satisfies(c -> assertThat(c.action()).isEqualTo(DELETE))
        .satisfies(c -> assertThat(c.ok()).isTrue());
    assertThat(triton.imgapi("updates").image(uuid(item))).isEmpty();
  }

  @Test
  void publish_lateImportCannotBeLookedUp_isReportedWithTheCommandThatRemovesIt() {
    LocalTriton triton = TRITON.triton();
    Rig rig = impatient(triton);
    PublishItem item = item();
    triton.faults().add(commitLate());
    // The first GetImage (the look-up before the import) goes through; every later one is refused.
    triton
        .faults()
        .add(
            Fault.when(ServiceKind.IMGAPI, "GetImage")
                .skip(1)
                .status(403, "NotAuthorized", "simulated refusal"));

    Throwable thrown = catchThrowable(() -> publish(rig, item, CLOCK));

    String command = "updates-imgadm -C dev delete --force-all-channels " + uuid(item);
    assertThat(thrown)
        .isInstanceOf(BuildFailedException.class)
        .hasMessageContaining("failed at 'import'")
        .hasMessageContaining(command)
        .hasCauseInstanceOf(TritonApiException.class);
    assertThat(thrown.getCause().getSuppressed())
        .as("the lost answer is kept")
        .hasAtLeastOneElementOfType(TritonIoException.class);
    assertThat(((BuildFailedException) thrown).leftBehind())
        .singleElement()
        .satisfies(s -> assertThat(s).contains(item.describe(), "simulated refusal", command));
    assertThat(rig.events.of(Event.Cleanup.class))
        .singleElement()
        .satisfies(c -> assertThat(c.ok()).isFalse())
        .satisfies(c -> assertThat(c.detail()).isEqualTo(command));

    // What the report warns of is really there, once the server has recorded the held import
    // (counting the requests waits for those still in flight).
    triton.faults().clear();
    assertThat(triton.requests().count(IMPORT)).isEqualTo(1);
    assertThat(triton.imgapi("updates").image(uuid(item)).orElseThrow())
        .containsEntry("state", "unactivated");
    rig.updates().deleteImage(uuid(item), "dev", true);
  }

  @Test
  void publish_importAnswerLostAndTheUuidIsAnotherImages_leavesThatImageAlone() {
    LocalTriton triton = TRITON.triton();
    ManualClock clock = new ManualClock();
    Rig rig = Rig.on(triton, clock, clock);
    PublishItem item = item();
    rig.updates().adminImportImage(other(uuid(item)), "dev");
    // The look-up before the import misses the other image, so the import is sent, and lost.
    triton
        .faults()
        .add(
            Fault.when(ServiceKind.IMGAPI, "GetImage")
                .status(404, "ResourceNotFound", "simulated miss")
                .times(1));
    triton.faults().add(Fault.when(ServiceKind.IMGAPI, IMPORT).dropRequest().times(1));

    Throwable thrown = catchThrowable(() -> publish(rig, item, clock));

    assertThat(thrown)
        .isInstanceOf(BuildFailedException.class)
        .hasMessageContaining("failed at 'import'")
        .hasMessageContaining("the uuid is taken by another image");
    assertThat(((BuildFailedException) thrown).leftBehind()).isEmpty();
    assertThat(rig.events.of(Event.Cleanup.class)).as("nothing deleted").isEmpty();
    assertThat(triton.imgapi("updates").image(uuid(item)).orElseThrow())
        .containsEntry("name", "reliability-someone-else")
        .containsEntry("state", "unactivated");
    rig.updates().deleteImage(uuid(item), "dev", true);
  }

  /** Holds the import, then records it and drops the answer: the answer comes never. */
  private static Fault commitLate() {
    return Fault.when(ServiceKind.IMGAPI, IMPORT).delay(COMMIT_DELAY).dropResponse().times(1);
  }

  /** Returns clients that give up on AdminImportImage before testkit records it. */
  private static Rig impatient(LocalTriton triton) {
    return Rig.on(triton, CLOCK, CLOCK).with(b -> b.readTimeout(IMPORT, COMMIT_DELAY.dividedBy(3)));
  }

  private static <C extends Clock & Sleeper> PublishResult publish(
      Rig rig, PublishItem item, C clock) {
    return new Publish(
            rig.updates(),
            new PublishSettings("dev", FileSourceMode.STREAM, false),
            clock,
            clock,
            rig.events)
        .run(List.of(item), Publishing.record());
  }

  private static void assertLookedAgainAndDeleted(Events events, PublishItem item) {
    List<Event> all = events.all();
    int firstLook =
        indexOf(all, e -> e instanceof Event.Waiting w && w.resource().equals(LOOK_AGAIN));
    int deleted =
        indexOf(
            all,
            e ->
                e instanceof Event.Cleanup c
                    && c.action().equals(DELETE)
                    && c.ok()
                    && c.resource().equals(item.describe()));
    assertThat(firstLook).as("cleanup looked again for the unanswered import").isNotNegative();
    assertThat(deleted).as("and deleted what it found").isGreaterThan(firstLook);
  }

  private static int indexOf(List<Event> events, Predicate<Event> which) {
    for (int i = 0; i < events.size(); i++) {
      if (which.test(events.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static String uuid(PublishItem item) {
    return item.manifest().uuid();
  }

  /** Returns a new image of 64 KiB, its manifest complete with the file's SHA-1 and size. */
  @SuppressWarnings("unchecked")
  private static PublishItem item() {
    byte[] bytes = new byte[64 * 1024];
    new Random(4).nextBytes(bytes);
    Map<String, Object> tree =
        Json.mapper()
            .convertValue(Rig.manifest("reliability-late-import", "1.0.0").toTree(), Map.class);
    tree.put(
        "files", List.of(Map.of("sha1", sha1(bytes), "size", bytes.length, "compression", "gzip")));
    ImageManifest manifest = ImageManifest.fromTree(Json.mapper().valueToTree(tree));
    return new PublishItem(
        manifest,
        ImageFileSource.streamOnly(ByteSource.ofBytes(bytes, "the test image file")),
        "the late-import test");
  }

  /** Returns the manifest of another image that holds {@code uuid}. */
  @SuppressWarnings("unchecked")
  private static ImageManifest other(String uuid) {
    Map<String, Object> tree =
        Json.mapper()
            .convertValue(Rig.manifest("reliability-someone-else", "2.0.0").toTree(), Map.class);
    tree.put("uuid", uuid);
    return ImageManifest.fromTree(Json.mapper().valueToTree(tree));
  }

  private static String sha1(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
