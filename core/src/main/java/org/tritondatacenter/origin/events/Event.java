package org.tritondatacenter.origin.events;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * One structured progress event. Each kind is a record, so listeners can switch over them.
 *
 * <p>{@code subject} names what the event is about in words a user recognises, such as an image
 * name ({@code triton-origin-x86_64-24.4.1}) or a Manta path.
 */
public sealed interface Event {

  /** A phase of an operation began, such as {@code build}, {@code export} or {@code publish}. */
  record PhaseStarted(String phase, String subject) implements Event {
    public PhaseStarted {
      Objects.requireNonNull(phase, "phase == null");
    }
  }

  /** A phase ended, successfully or not, after {@code elapsed}. */
  record PhaseFinished(String phase, String subject, boolean ok, Duration elapsed)
      implements Event {
    public PhaseFinished {
      Objects.requireNonNull(phase, "phase == null");
    }
  }

  /**
   * A wait is in progress: {@code resource} {@code id} should reach one of {@code wanted}; the last
   * state seen was {@code lastSeen} (null before the first answer).
   */
  record Waiting(String resource, String id, Set<String> wanted, String lastSeen, Duration elapsed)
      implements Event {
    public Waiting {
      wanted = Set.copyOf(wanted);
    }
  }

  /** Bytes moved for {@code subject}: {@code done} out of {@code total} (-1 when unknown). */
  record Transfer(String subject, long done, long total) implements Event {}

  /**
   * A cleanup action ran: {@code action} (such as {@code delete machine}) on {@code resource};
   * {@code detail} says why it failed when {@code ok} is false.
   */
  record Cleanup(String action, String resource, boolean ok, String detail) implements Event {}

  /** Something the user should know that does not stop the operation. */
  record Warning(String message) implements Event {}

  /** A plain progress note, such as "machine 1a2b... is running". */
  record Info(String message) implements Event {}
}
