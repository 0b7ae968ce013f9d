package org.tritondatacenter.origin.http;

import java.util.Locale;
import org.tritondatacenter.origin.events.Event;

/**
 * Decides whether an endpoint may use plain {@code http://}.
 *
 * <p>Over plain HTTP the signed requests, the image files and the Manta signed URLs in request
 * bodies cross the network unencrypted, where anyone on the path can read and replay them. A
 * loopback address (a local test server, a tunnel) is always allowed; any other host needs the
 * user's explicit switch, and is then used with a warning.
 */
final class PlainHttp {
  private PlainHttp() {}

  /**
   * Refuses a plain-HTTP endpoint on another machine unless the config allows it, and warns when it
   * does.
   *
   * @throws IllegalArgumentException naming the service, the URL and the switch
   */
  static void check(Endpoint endpoint, HttpConfig config) {
    String scheme = endpoint.baseUrl().getScheme().toLowerCase(Locale.ROOT);
    String host = endpoint.baseUrl().getHost();
    if (!scheme.equals("http") || isLoopback(host)) {
      return;
    }
    if (!config.allowInsecureHttp()) {
      throw new IllegalArgumentException(
          endpoint.service()
              + " URL "
              + endpoint.baseUrl()
              + " uses plain http:// to "
              + host
              + ", which is not this machine: signed requests and image files would cross the"
              + " network unencrypted. Use https://, or allow it explicitly"
              + " (--allow-insecure-http) on a network you trust");
    }
    config
        .listener()
        .on(
            new Event.Warning(
                endpoint.service()
                    + " "
                    + endpoint.baseUrl()
                    + " is plain http:// to another machine (allowed by --allow-insecure-http):"
                    + " anyone on the network path can read and replay its requests"));
  }

  /**
   * Returns true for {@code localhost} and literal loopback addresses. The name is never resolved:
   * a lookup could be slow, and a name other than localhost could change where it points.
   */
  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    if (h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    return h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }
}
