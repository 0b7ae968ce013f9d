package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.tritondatacenter.origin.http.RetryPolicy;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.RequestRecord;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.Backoff;
import org.tritondatacenter.origin.wait.Clock;
import org.tritondatacenter.origin.wait.ManualClock;

/**
 * R12: with this machine's clock ten minutes off either way, each service refuses the first request
 * its own way (CloudAPI and Manta 400 {@code InvalidHeader}, IMGAPI 401); the client reads the
 * server's {@code Date}, corrects its own by the offset once, logs it, and every later request
 * passes first time. A retry six minutes after the first attempt is signed with the time it is
 * sent, never with the first attempt's {@code Date} (node-manta #208).
 */
class ClockSkewMatrixTest {
  private static final ManualClock CLOCK = new ManualClock();
  private static final Pattern ADJUSTED =
      Pattern.compile("Date headers are now adjusted by ([+-]?\\d+) s");

  @RegisterExtension static final LocalTritonExtension TRITON = LocalTritonExtension.withDefaults();

  /** One signed call per service, and how the service refuses a skewed Date. */
  enum Target {
    CLOUDAPI(ServiceKind.CLOUDAPI, "ListPackages", 400, "InvalidHeader"),
    MANTA(ServiceKind.MANTA, "ListDirectory", 400, "InvalidHeader"),
    IMGAPI(ServiceKind.IMGAPI, "ListChannels", 401, null);

    final ServiceKind kind;
    final String operation;
    final int status;
    final String code;

    Target(ServiceKind kind, String operation, int status, String code) {
      this.kind = kind;
      this.operation = operation;
      this.status = status;
      this.code = code;
    }

    /** Returns the call on one client: the offset learned is the client's. */
    Runnable caller(Rig rig) {
      return switch (this) {
        case CLOUDAPI -> {
          var cloud = rig.cloudApi();
          yield () -> assertThat(cloud.listPackages()).isNotNull();
        }
        case MANTA -> {
          MantaClient manta = rig.manta();
          yield () -> manta.listDirectory(manta.path("~~/stor")).forEach(e -> {});
        }
        case IMGAPI -> {
          var imgapi = rig.updates();
          yield () -> assertThat(imgapi.listChannels()).isNotEmpty();
        }
      };
    }
  }

  static Stream<Arguments> skews() {
    Stream.Builder<Arguments> cases = Stream.builder();
    for (Target target : Target.values()) {
      for (int minutes : new int[] {10, -10}) {
        cases.add(Arguments.of(target, minutes));
      }
    }
    return cases.build();
  }

  @ParameterizedTest(name = "{0}, server {1} min off")
  @MethodSource("skews")
  void call_clockTenMinutesOff_isCorrectedOnceLoggedAndHoldsForLaterCalls(
      Target target, int minutes) {
    LocalTriton triton = TRITON.triton();
    // A positive offset puts the server ahead: this machine's clock is behind, and vice versa.
    triton.faults().clockOffset(target.kind, Duration.ofMinutes(minutes));
    Rig rig = Rig.on(triton, CLOCK, CLOCK);
    Runnable call = target.caller(rig);

    call.run();
    call.run();
    call.run();

    List<RequestRecord> calls = triton.requests().operation(target.operation);
    assertThat(calls).hasSize(4);
    assertThat(calls.get(0).status()).isEqualTo(target.status);
    if (target.code != null) {
      assertThat(calls.get(0).authFailure()).startsWith(target.code);
    }
    assertThat(calls.subList(1, 4)).allSatisfy(r -> assertThat(r.verified()).isTrue());
    String warning =
        assertThat(rig.events.warnings())
            .filteredOn(w -> w.contains("clock"))
            .singleElement()
            .asString()
            .contains(minutes > 0 ? "behind" : "ahead of", "NTP")
            .actual();
    Matcher m = ADJUSTED.matcher(warning);
    assertThat(m.find()).as("the warning names the adjustment: %s", warning).isTrue();
    assertThat(Integer.parseInt(m.group(1))).isBetween(minutes * 60 - 5, minutes * 60 + 5);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Target.class)
  void retry_sixMinutesAfterTheFirstAttempt_isSignedWithTheTimeItIsSent(Target target) {
    LocalTriton triton = TRITON.triton();
    Duration before = CLOCK.totalSlept();
    Instant start = Instant.now();
    // Time passes for both sides while the client waits: the server's clock moves on too.
    Rig rig =
        Rig.on(
                triton,
                CLOCK,
                d -> {
                  CLOCK.sleep(d);
                  triton.faults().clockOffset(target.kind, CLOCK.totalSlept().minus(before));
                })
            .with(
                c ->
                    c.wallClock((Clock) () -> start.plus(CLOCK.totalSlept().minus(before)))
                        // The default budget of five minutes would not wait six.
                        .retryPolicy(
                            new RetryPolicy(5, Duration.ofMinutes(10), Backoff.retries())));
    triton
        .faults()
        .add(
            Fault.when(target.kind, target.operation)
                .status(503, "ServiceUnavailable", "back in six minutes")
                .retryAfter(360)
                .times(1));

    target.caller(rig).run();

    List<RequestRecord> calls = triton.requests().operation(target.operation);
    assertThat(calls).extracting(RequestRecord::status).containsExactly(503, 200);
    // An old Date would be six minutes behind the server and refused as skew first.
    assertThat(calls.get(1).verified()).isTrue();
    assertThat(rig.sleeps()).containsExactly(Duration.ofSeconds(360));
    assertThat(rig.events.warnings()).noneMatch(w -> w.contains("clock"));
  }
}
