package io.jenkins.plugins.tritonorigin;

import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.tritondatacenter.origin.Service;

/**
 * What an operation running on an agent asks of the controller, through an object the controller
 * exports on the agent's channel. The controller keeps the credentials and the run record; the
 * agent only borrows them.
 *
 * <p>Only JDK types and this plugin's own classes travel to the controller: Jenkins' class filter
 * refuses to deserialize classes of bundled libraries, core's {@code Service} enum among them, so
 * the service goes by its name.
 */
@Restricted(NoExternalUse.class)
public interface ControllerLink {
  /**
   * Resolves an endpoint on the controller, where the credentials are.
   *
   * @param service the {@link Service} constant's name, such as {@code IMGAPI}
   * @param name the endpoint name the step gave, or null for the default
   */
  EndpointSpec endpoint(String service, String name);

  /** Saves a new run record with the Pipeline, on the controller. */
  void save(String recordJson);

  /** Says the operation has returned, its cleanup included. */
  void finished();
}
