package org.tritondatacenter.origin.cloudapi;

import java.util.Map;
import java.util.Optional;

/**
 * The answer to ListServices: the service URLs the datacenter's operator configured.
 *
 * <p>It is only configuration, so a {@code manta} entry may be missing or point somewhere the
 * caller cannot reach; an explicitly configured Manta URL should win.
 *
 * @param urls service name to URL, such as {@code cloudapi} or {@code manta}
 */
public record Services(Map<String, String> urls) {

  /** Copies the map. */
  public Services {
    urls = Copies.map(urls);
  }

  /** Returns the URL of service {@code name}, if the operator configured one. */
  public Optional<String> url(String name) {
    return Optional.ofNullable(urls.get(name));
  }

  /** Returns the Manta URL, if the operator configured one. */
  public Optional<String> manta() {
    return url("manta");
  }
}
