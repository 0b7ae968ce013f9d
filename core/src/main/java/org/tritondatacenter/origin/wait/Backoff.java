package org.tritondatacenter.origin.wait;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * An exponential delay policy with jitter: the base delay before retry {@code n} (counting from 0)
 * is {@code initial * multiplier^n}, capped, and jitter spreads it out.
 *
 * <p>Two flavours are used. {@link #polling()} waits between state polls: it starts near 2 s and
 * varies each delay by +/-20 %, so a ten-minute wait costs a bounded, predictable number of
 * requests. {@link #retries()} waits between failed HTTP attempts with full jitter (anywhere from
 * zero to the base delay), which spreads many clients apart after an outage. Instances are
 * immutable; the random source can be replaced for deterministic tests.
 */
public final class Backoff {
  private final Duration initial;
  private final double multiplier;
  private final Duration cap;
  private final boolean fullJitter;
  private final double jitterFraction;
  private final DoubleSupplier random;

  private Backoff(
      Duration initial,
      double multiplier,
      Duration cap,
      boolean fullJitter,
      double jitterFraction,
      DoubleSupplier random) {
    this.initial = initial;
    this.multiplier = multiplier;
    this.cap = cap;
    this.fullJitter = fullJitter;
    this.jitterFraction = jitterFraction;
    this.random = random;
  }

  /**
   * Creates a policy without jitter.
   *
   * @param initial the delay before the first retry; positive
   * @param multiplier the growth per retry; at least 1
   * @param cap the largest base delay; at least {@code initial}
   */
  public static Backoff exponential(Duration initial, double multiplier, Duration cap) {
    Objects.requireNonNull(initial, "initial == null");
    Objects.requireNonNull(cap, "cap == null");
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("initial <= 0: " + initial);
    }
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("multiplier < 1: " + multiplier);
    }
    if (cap.compareTo(initial) < 0) {
      throw new IllegalArgumentException("cap < initial: " + cap + " < " + initial);
    }
    return new Backoff(initial, multiplier, cap, false, 0, Backoff::threadLocalRandom);
  }

  /**
   * Returns the policy for polling a resource's state: 2 s, growing 1.5x per poll, capped at 25 s,
   * each delay varied by +/-20 % (so 20-30 s once capped).
   */
  public static Backoff polling() {
    return exponential(Duration.ofSeconds(2), 1.5, Duration.ofSeconds(25))
        .withProportionalJitter(0.2);
  }

  /**
   * Returns the policy for retrying a failed HTTP attempt: base 1 s doubling to a 30 s cap, with
   * full jitter.
   */
  public static Backoff retries() {
    return exponential(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30)).withFullJitter();
  }

  /** Returns a copy whose delays vary uniformly by +/-{@code fraction} of the base delay. */
  public Backoff withProportionalJitter(double fraction) {
    if (!(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException("fraction not in [0, 1): " + fraction);
    }
    return new Backoff(initial, multiplier, cap, false, fraction, random);
  }

  /** Returns a copy whose delays are uniform between zero and the base delay ("full jitter"). */
  public Backoff withFullJitter() {
    return new Backoff(initial, multiplier, cap, true, 0, random);
  }

  /**
   * Returns a copy that draws jitter from {@code random}, which must return values in [0, 1). Tests
   * pass a constant to make delays deterministic.
   */
  public Backoff withRandom(DoubleSupplier random) {
    return new Backoff(
        initial,
        multiplier,
        cap,
        fullJitter,
        jitterFraction,
        Objects.requireNonNull(random, "random == null"));
  }

  /** Returns the delay before the first retry, without jitter. */
  public Duration initial() {
    return initial;
  }

  /** Returns the largest delay without jitter. */
  public Duration cap() {
    return cap;
  }

  /** Returns the base delay (without jitter) before retry {@code retry}, counting from 0. */
  public Duration baseDelay(int retry) {
    if (retry < 0) {
      throw new IllegalArgumentException("retry < 0: " + retry);
    }
    double nanos = initial.toNanos() * Math.pow(multiplier, retry);
    long capNanos = cap.toNanos();
    return Duration.ofNanos(nanos >= capNanos ? capNanos : (long) nanos);
  }

  /** Returns the delay, with jitter, before retry {@code retry}, counting from 0. */
  public Duration delay(int retry) {
    long base = baseDelay(retry).toNanos();
    double r = random.getAsDouble();
    if (!(r >= 0 && r < 1)) {
      r = 0.5;
    }
    if (fullJitter) {
      return Duration.ofNanos((long) (base * r));
    }
    double factor = 1 + jitterFraction * (2 * r - 1);
    return Duration.ofNanos((long) (base * factor));
  }

  private static double threadLocalRandom() {
    return ThreadLocalRandom.current().nextDouble();
  }

  @Override
  public String toString() {
    String jitter =
        fullJitter
            ? "full jitter"
            : jitterFraction == 0 ? "no jitter" : "+/-" + Math.round(jitterFraction * 100) + "%";
    return "Backoff[" + initial + " x" + multiplier + " up to " + cap + ", " + jitter + "]";
  }
}
