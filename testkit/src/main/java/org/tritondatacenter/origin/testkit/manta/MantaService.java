package org.tritondatacenter.origin.testkit.manta;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.tritondatacenter.origin.testkit.LocalTritonOptions;
import org.tritondatacenter.origin.testkit.SimulatorContext;
import org.tritondatacenter.origin.testkit.http.ServiceKind;

/**
 * The state the Manta handlers share: the options, the directory tree and the blob store, plus
 * Manta's notion of "now" (wall-clock, with any injected skew, as the {@code Date} header shows).
 */
final class MantaService {
  static final int MIN_COPIES = 1;

  /** muskie's code default for {@code maxObjectCopies}; the user guide documents 1..6. */
  static final int MAX_COPIES = 9;

  static final int DEFAULT_COPIES = 2;

  final SimulatorContext context;
  final LocalTritonOptions options;
  final Namespace namespace = new Namespace();
  final BlobStore blobs;

  MantaService(SimulatorContext context) {
    this.context = context;
    this.options = context.options();
    this.blobs = new BlobStore(context.dataDir(), options.storage());
    namespace.ensureAccount(options.account(), now());
  }

  /** Returns Manta's wall-clock time, to the millisecond as Manta stores mtimes. */
  Instant now() {
    return context.wallNow(ServiceKind.MANTA).truncatedTo(ChronoUnit.MILLIS);
  }

  /** Returns true when the simulator acts as a mantav2 server (snaplinks are off). */
  boolean mantav2() {
    return !options.snaplinks();
  }

  /** Makes the account's roots exist when the account does, and returns whether it does. */
  boolean ensureAccount(String login) {
    if (!login.equals(options.account()) && !context.auth().accountExists(login)) {
      return false;
    }
    namespace.ensureAccount(login, now());
    return true;
  }
}
