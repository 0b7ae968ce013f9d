package org.tritondatacenter.origin.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void polling_startsAtTwoSecondsAndGrowsByHalfToTheCap() {
    Backoff polling = Backoff.polling();

    assertThat(IntStream.range(0, 9).mapToObj(polling::baseDelay))
        .containsExactly(
            Duration.ofMillis(2000),
            Duration.ofMillis(3000),
            Duration.ofMillis(4500),
            Duration.ofMillis(6750),
            Duration.ofNanos(10_125_000_000L),
            Duration.ofNanos(15_187_500_000L),
            Duration.ofNanos(22_781_250_000L),
            Duration.ofSeconds(25),
            Duration.ofSeconds(25));
  }

  @Test
  void polling_jitterStaysWithinTwentyPercent() {
    assertThat(Backoff.polling().withRandom(() -> 0.0).delay(0)).isEqualTo(Duration.ofMillis(1600));
    assertThat(Backoff.polling().withRandom(() -> 0.5).delay(0)).isEqualTo(Duration.ofMillis(2000));
    assertThat(Backoff.polling().withRandom(() -> 0.999999).delay(20))
        .isBetween(Duration.ofMillis(29_999), Duration.ofSeconds(30));
    Backoff random = Backoff.polling();
    for (int i = 0; i < 1000; i++) {
      assertThat(random.delay(3)).isBetween(Duration.ofMillis(5400), Duration.ofMillis(8100));
    }
  }

  @Test
  void retries_useFullJitterUpToTheDoublingBase() {
    Backoff max = Backoff.retries().withRandom(() -> 0.999999);
    Backoff min = Backoff.retries().withRandom(() -> 0.0);

    assertThat(min.delay(4)).isZero();
    assertThat(max.delay(0)).isBetween(Duration.ofMillis(999), Duration.ofSeconds(1));
    assertThat(max.delay(3)).isBetween(Duration.ofMillis(7999), Duration.ofSeconds(8));
    assertThat(max.delay(30)).isBetween(Duration.ofMillis(29_999), Duration.ofSeconds(30));
    assertThat(Backoff.retries().baseDelay(1000)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void exponential_withoutJitter_isExact() {
    Backoff fixed = Backoff.exponential(Duration.ofSeconds(1), 1.0, Duration.ofSeconds(1));

    assertThat(fixed.delay(0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(fixed.delay(50)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void badArguments_areRefusedNamingTheValue() {
    assertThatThrownBy(() -> Backoff.exponential(Duration.ZERO, 2, Duration.ofSeconds(1)))
        .hasMessage("initial <= 0: PT0S");
    assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1)))
        .hasMessage("multiplier < 1: 0.5");
    assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(2), 2, Duration.ofSeconds(1)))
        .hasMessage("cap < initial: PT1S < PT2S");
    assertThatThrownBy(() -> Backoff.polling().withProportionalJitter(1.5))
        .hasMessage("fraction not in [0, 1): 1.5");
    assertThatThrownBy(() -> Backoff.polling().delay(-1)).hasMessage("retry < 0: -1");
  }
}
