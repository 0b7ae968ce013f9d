package org.tritondatacenter.origin.build;

import java.time.Duration;
import java.time.Instant;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.flow.Task;

/**
 * A task of one image's build that does its work only in its own phase. A re-run after a crash runs
 * every task again; those whose phase the record has passed return at once, while their cleanup
 * still runs, because it reads the record too.
 */
abstract class BuildTask implements Task<ImageJob> {
  private final String name;
  private final ImagePhase phase;

  BuildTask(String name, ImagePhase phase) {
    this.name = name;
    this.phase = phase;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final void run(ImageJob job) throws Exception {
    if (job.record().phase() != phase) {
      return;
    }
    Instant start = job.build().clock().now();
    job.build().listener().on(new Event.PhaseStarted(name, job.name()));
    boolean ok = false;
    try {
      work(job);
      ok = true;
    } finally {
      Duration elapsed = Duration.between(start, job.build().clock().now());
      job.build().listener().on(new Event.PhaseFinished(name, job.name(), ok, elapsed));
    }
  }

  /** Does the phase's work and moves the record to the next phase. */
  abstract void work(ImageJob job) throws Exception;
}
