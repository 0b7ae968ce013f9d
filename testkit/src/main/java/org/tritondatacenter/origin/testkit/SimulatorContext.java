package org.tritondatacenter.origin.testkit;

import java.nio.file.Path;
import java.time.Instant;
import org.tritondatacenter.origin.testkit.http.AuthProvider;
import org.tritondatacenter.origin.testkit.http.Faults;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.http.TestkitServer;

/**
 * What every simulated service shares: the options, identities and signature verification, the
 * server (for each service's wall-clock "now", which faults may skew and which the URLs come from),
 * the faults and the data directory.
 */
public record SimulatorContext(
    LocalTritonOptions options,
    AuthProvider auth,
    TestkitServer server,
    Faults faults,
    Path dataDir) {

  /** Returns the wall-clock "now" of a kind of service, including any injected skew. */
  public Instant wallNow(ServiceKind kind) {
    return server.now(kind);
  }

  /** Returns "now" on the simulation clock, which drives durations (it may run scaled). */
  public Instant simNow() {
    return options.clock().instant();
  }
}
