package org.tritondatacenter.origin.testkit.cloudapi;

import java.util.List;
import org.tritondatacenter.origin.testkit.SimulatorContext;
import org.tritondatacenter.origin.testkit.http.ServiceHandler;
import org.tritondatacenter.origin.testkit.manta.MantaStore;

/** The simulated CloudAPI service. */
public final class CloudApiSimulator {

  public CloudApiSimulator(SimulatorContext context, MantaStore manta) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  public ServiceHandler handler() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** Returns the machines that were created and not deleted, for the leak report. */
  public List<String> undeletedMachines() {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
