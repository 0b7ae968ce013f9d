package org.tritondatacenter.origin.testkit.imgapi;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.tritondatacenter.origin.testkit.ImgapiInstance;
import org.tritondatacenter.origin.testkit.SimulatorContext;
import org.tritondatacenter.origin.testkit.http.ServiceHandler;

/** One simulated IMGAPI server. */
public final class ImgapiSimulator {

  public ImgapiSimulator(SimulatorContext context, ImgapiInstance instance) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  public ServiceHandler handler() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /**
   * Adds an active image directly, as an operator would have imported it (used to seed origin
   * images). {@code channels} is ignored in public mode.
   */
  public void seedImage(Map<String, Object> manifest, Collection<String> channels) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** Returns the images imported but never activated, for the leak report. */
  public List<String> unactivatedImages() {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
