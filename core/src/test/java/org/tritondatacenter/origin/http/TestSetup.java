package org.tritondatacenter.origin.http;

import java.time.Duration;
import mockwebserver3.MockWebServer;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.operations.RecordingListener;
import org.tritondatacenter.origin.wait.Backoff;
import org.tritondatacenter.origin.wait.ManualClock;

/** Shared wiring for the tests that run an {@link ApiClient} against MockWebServer. */
final class TestSetup {
  /** Delays of 0.5x the base: 0.5 s, 1 s, 2 s, ... so waits are predictable. */
  static final Backoff HALF_JITTER = Backoff.retries().withRandom(() -> 0.5);

  private TestSetup() {}

  /**
   * Returns a config whose waits run on {@code clock} and whose warnings go to {@code listener}.
   */
  static HttpConfig.Builder config(ManualClock clock, RecordingListener listener) {
    return HttpConfig.builder()
        .clock(clock)
        .sleeper(clock)
        .listener(listener)
        .readTimeout(Duration.ofSeconds(5))
        .retryPolicy(new RetryPolicy(4, Duration.ofMinutes(5), HALF_JITTER));
  }

  static Endpoint signed(MockWebServer server, Service service, RequestAuthorizer authorizer) {
    return Endpoint.signed(service, server.url("/").uri(), "alice", null, authorizer);
  }
}
