package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.export.Export;
import org.tritondatacenter.origin.export.ExportSettings;
import org.tritondatacenter.origin.export.OriginPlatforms;
import org.tritondatacenter.origin.operations.LocalOps;
import org.tritondatacenter.origin.publish.FileSourceMode;
import org.tritondatacenter.origin.publish.Publish;
import org.tritondatacenter.origin.publish.PublishSettings;
import org.tritondatacenter.origin.steps.BuildResult;
import org.tritondatacenter.origin.steps.ExportResult;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.http.Exchange;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

/**
 * R21 for the phases after the build: an abort while CloudAPI's ExportImage or IMGAPI's
 * AddImageFile is in flight (the server holding it) stops within a second; cleanup then removes the
 * half-written build directory or the unactivated image well within a minute.
 */
class AbortExportAndUploadTest {
  private static final ScaledClock CLOCK = ScaledClock.create(Builds.SPEED);

  @RegisterExtension
  static final LocalTritonExtension TRITON =
      LocalTritonExtension.withOptions(LocalOps.options(CLOCK).build());

  /** Runs an operation on its own thread while the server holds one of its requests. */
  private static final class Aborted {
    final CountDownLatch held = new CountDownLatch(1);
    final AtomicLong firstCleanup = new AtomicLong();
    final AtomicReference<Throwable> thrown = new AtomicReference<>();
    final Events events = new Events();
    final EventListener listener =
        event -> {
          events.on(event);
          if (event instanceof Event.Cleanup) {
            firstCleanup.compareAndSet(0, System.nanoTime());
          }
        };

    /**
     * The server holds the first request {@code which} matches for two seconds, answering nothing,
     * then drops it undone. A stall is applied outside the fault table's lock, so the cleanup's own
     * requests go through meanwhile.
     */
    void hold(LocalTriton triton, ServiceKind kind, String operation, Predicate<Exchange> which) {
      triton
          .faults()
          .add(
              Fault.when(kind, operation)
                  .matching(
                      e -> {
                        if (!which.test(e)) {
                          return false;
                        }
                        held.countDown();
                        return true;
                      })
                  .stall(Duration.ofSeconds(2))
                  .times(1));
    }

    /**
     * Runs {@code operation}, interrupts it once the request is held, and returns how long it took
     * to start cleaning up and to end.
     */
    Duration[] abort(Runnable operation) throws InterruptedException {
      Thread worker =
          new Thread(
              () -> {
                try {
                  operation.run();
                } catch (Throwable t) {
                  thrown.set(t);
                }
              },
              "aborted operation");
      worker.start();
      assertThat(held.await(30, TimeUnit.SECONDS)).as("the server holds the request").isTrue();
      long interrupted = System.nanoTime();
      worker.interrupt();
      worker.join(60_000);
      long ended = System.nanoTime();
      assertThat(worker.isAlive()).isFalse();
      return new Duration[] {
        Duration.ofNanos(firstCleanup.get() - interrupted), Duration.ofNanos(ended - interrupted)
      };
    }
  }

  @Test
  void export_abortedWhileExportImageRuns_stopsAtOnceAndRemovesTheBuildDirectory()
      throws Exception {
    LocalOps ops = new LocalOps(TRITON.triton(), CLOCK);
    BuildResult build = ops.build();
    Aborted run = new Aborted();
    run.hold(ops.triton(), ServiceKind.CLOUDAPI, "ExportImage", e -> true);

    Duration[] took =
        run.abort(
            () ->
                new Export(
                        ops.cloudApi(),
                        ops.manta(),
                        new OriginPlatforms(List.of(ops.updates())),
                        CLOCK,
                        run.listener)
                    .run(
                        build,
                        ExportSettings.ofProject("triton-origin-image", true),
                        Publishing.record()));

    assertThat(took[0]).as("stopped and cleaning up").isLessThan(Duration.ofSeconds(1));
    assertThat(took[1]).as("cleanup done").isLessThan(Duration.ofSeconds(30));
    assertThat(run.thrown.get())
        .isInstanceOf(OperationInterruptedException.class)
        .hasMessageContaining("interrupted at 'export");
    assertThat(ops.triton().manta().exists(ops.buildDir())).isFalse();
  }

  @Test
  void publish_abortedWhileTheFileUploads_stopsAtOnceAndDeletesTheUnactivatedImage()
      throws Exception {
    Publishing publishing = new Publishing(TRITON.triton(), CLOCK);
    ExportResult exported = publishing.export();
    LocalTriton triton = publishing.triton();
    String first = exported.images().get(0).uuid();
    Aborted run = new Aborted();
    run.hold(triton, ServiceKind.IMGAPI, "AddImageFile", e -> true);

    Duration[] took =
        run.abort(
            () ->
                new Publish(
                        publishing.ops.updates(),
                        new PublishSettings("dev", FileSourceMode.STREAM, false),
                        CLOCK,
                        CLOCK,
                        run.listener)
                    .run(publishing.items(exported), Publishing.record()));

    assertThat(took[0]).as("stopped and cleaning up").isLessThan(Duration.ofSeconds(1));
    assertThat(took[1]).as("cleanup done").isLessThan(Duration.ofSeconds(30));
    assertThat(run.thrown.get())
        .isInstanceOf(OperationInterruptedException.class)
        .hasMessageContaining("interrupted at 'add file'");
    assertThat(run.events.of(Event.Cleanup.class))
        .anySatisfy(c -> assertThat(c.action()).isEqualTo("delete unactivated image"));
    assertThat(triton.imgapi("updates").image(first)).isEmpty();
  }
}
