package org.tritondatacenter.origin.testkit.manta;

import java.util.List;
import org.tritondatacenter.origin.testkit.SimulatorContext;
import org.tritondatacenter.origin.testkit.http.ServiceHandler;

/** The simulated Manta service. */
public final class MantaSimulator implements AutoCloseable {

  public MantaSimulator(SimulatorContext context) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** Returns the signed endpoint. */
  public ServiceHandler handler() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** Returns the benchmark-only endpoint that needs no signature. */
  public ServiceHandler unauthenticatedHandler() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** Returns server-side access to the storage. */
  public MantaStore store() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** Returns the objects stored outside the expected paths, for the leak report. */
  public List<String> strayObjects() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Override
  public void close() {}
}
