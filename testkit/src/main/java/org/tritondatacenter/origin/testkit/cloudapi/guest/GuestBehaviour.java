package org.tritondatacenter.origin.testkit.cloudapi.guest;

import java.util.List;
import java.util.Objects;

/**
 * What the simulated guest does with a machine's user-script, beyond what the script itself
 * decides: succeed, fail at a step (as if the command failed and the error trap ran), hang (the
 * status stays {@code running}), or crash (the machine state becomes {@code failed}).
 *
 * <p>Steps are the values of {@code triton-origin:step}: {@code update}, {@code upgrade}, {@code
 * install}, {@code audit} and {@code custom}. A recognised command belongs to its own step ({@code
 * pkgin update} to {@code update}, {@code pkgin full-upgrade} to {@code upgrade}, {@code pkgin
 * install} to {@code install}, {@code pkg_admin audit} to {@code audit}); any other top-level line
 * run while the script has set {@code triton-origin:step} to {@code custom} is a custom command.
 *
 * @param outcome what happens
 * @param step the step where it happens, or null for "the first command" ({@link Outcome#HANG}) or
 *     "at boot" ({@link Outcome#CRASH})
 * @param output the failing command's output for {@link Outcome#FAIL}, or null for a generated one
 */
public record GuestBehaviour(Outcome outcome, String step, String output) {

  /** The steps a behaviour can name. */
  public static final List<String> STEPS =
      List.of("update", "upgrade", "install", "audit", "custom");

  /** What happens to the script. */
  public enum Outcome {
    /** The script runs as written; only packages missing from the catalogue make it fail. */
    SUCCEED,
    /**
     * The first command of the step fails: status {@code failed}, {@code error} set, script ends.
     */
    FAIL,
    /** The script stops before the step's first command and never goes on. */
    HANG,
    /** The machine goes to state {@code failed} when the step starts (or at boot). */
    CRASH
  }

  public GuestBehaviour {
    Objects.requireNonNull(outcome, "outcome == null");
    if (step != null && !STEPS.contains(step)) {
      throw new IllegalArgumentException(
          "unknown guest step '" + step + "'; use one of " + String.join(", ", STEPS));
    }
    if (outcome == Outcome.FAIL && step == null) {
      throw new IllegalArgumentException("a failing guest behaviour needs a step");
    }
  }

  /** Returns the behaviour that adds nothing to the script. */
  public static GuestBehaviour succeed() {
    return new GuestBehaviour(Outcome.SUCCEED, null, null);
  }

  /** Returns a behaviour whose first command of {@code step} fails with generated output. */
  public static GuestBehaviour failAt(String step) {
    return new GuestBehaviour(Outcome.FAIL, step, null);
  }

  /** Returns a behaviour whose first command of {@code step} fails with this output. */
  public static GuestBehaviour failAt(String step, String output) {
    return new GuestBehaviour(Outcome.FAIL, step, Objects.requireNonNull(output, "output == null"));
  }

  /** Returns a behaviour that hangs before the script's first command. */
  public static GuestBehaviour hang() {
    return new GuestBehaviour(Outcome.HANG, null, null);
  }

  /** Returns a behaviour that hangs before the first command of {@code step}. */
  public static GuestBehaviour hangAt(String step) {
    return new GuestBehaviour(Outcome.HANG, Objects.requireNonNull(step, "step == null"), null);
  }

  /** Returns a behaviour whose machine fails at boot, before the script starts. */
  public static GuestBehaviour crash() {
    return new GuestBehaviour(Outcome.CRASH, null, null);
  }

  /** Returns a behaviour whose machine fails when {@code step} starts. */
  public static GuestBehaviour crashAt(String step) {
    return new GuestBehaviour(Outcome.CRASH, Objects.requireNonNull(step, "step == null"), null);
  }

  boolean firesAt(Outcome kind, String commandStep) {
    return outcome == kind && (step == null || step.equals(commandStep));
  }
}
