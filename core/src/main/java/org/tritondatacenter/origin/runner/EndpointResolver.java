package org.tritondatacenter.origin.runner;

import org.tritondatacenter.origin.Service;

/**
 * Turns the endpoint names steps use ({@code cloudapi}, {@code manta}, {@code imgapi}, {@code
 * sourceImgapi}) into URLs, identities and keys. Jenkins resolves them from its global
 * configuration; the command line from the user's profile, environment and flags.
 */
@FunctionalInterface
public interface EndpointResolver {
  /**
   * The name under which an adapter offers a public-mode IMGAPI (an images server), if it has one.
   * Export reads an origin's {@code min_platform} there when the default IMGAPI lacks it; an
   * adapter without one throws for this name, as for any unknown endpoint.
   */
  String PUBLIC_IMGAPI = "public";

  /**
   * Resolves one endpoint.
   *
   * @param service the kind of service wanted
   * @param name the endpoint name a step was given, or null for the service's default
   * @throws org.tritondatacenter.origin.TritonException naming the endpoint and what is missing (a
   *     URL, an account, a key) and where to set it
   */
  ResolvedEndpoint resolve(Service service, String name);
}
