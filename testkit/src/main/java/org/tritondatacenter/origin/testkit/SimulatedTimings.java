package org.tritondatacenter.origin.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * How long simulated work takes on the local Triton's clock. With a scaled or manual clock these
 * pass as fast as the test wants.
 *
 * @param provision CreateMachine until the machine is {@code running}
 * @param guestStep each step of the guest's user-script (update, upgrade, install, audit, custom)
 * @param stop StopMachine until {@code stopped}
 * @param createImage CreateImageFromMachine until the image is {@code active}
 * @param delete DeleteMachine until the machine is gone (410)
 */
public record SimulatedTimings(
    Duration provision, Duration guestStep, Duration stop, Duration createImage, Duration delete) {

  /** Plausible defaults: a minute to provision, half a minute per guest step, and so on. */
  public static final SimulatedTimings DEFAULT =
      new SimulatedTimings(
          Duration.ofSeconds(60),
          Duration.ofSeconds(30),
          Duration.ofSeconds(15),
          Duration.ofSeconds(90),
          Duration.ofSeconds(10));

  /** Everything happens at once: useful for tests that do not care about waits. */
  public static final SimulatedTimings INSTANT =
      new SimulatedTimings(
          Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);

  public SimulatedTimings {
    Objects.requireNonNull(provision, "provision == null");
    Objects.requireNonNull(guestStep, "guestStep == null");
    Objects.requireNonNull(stop, "stop == null");
    Objects.requireNonNull(createImage, "createImage == null");
    Objects.requireNonNull(delete, "delete == null");
  }
}
