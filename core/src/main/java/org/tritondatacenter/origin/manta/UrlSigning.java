package org.tritondatacenter.origin.manta;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tritondatacenter.origin.auth.HttpSigner;

/**
 * Builds Manta pre-signed URLs. The server rebuilds the string to sign from the request it gets:
 * the signed methods, its {@code Host} header, the path as sent and the sorted, encoded query
 * without {@code signature}; so every part here is spelled exactly as the fetching client will send
 * it.
 */
final class UrlSigning {
  private UrlSigning() {}

  static SignedUrl sign(
      HttpSigner signer, URI baseUrl, MantaPath path, Instant expires, Set<String> methods) {
    Set<String> sorted = new TreeSet<>();
    for (String method : methods) {
      if (method == null || !method.matches("[A-Za-z]+")) {
        throw new IllegalArgumentException(
            "The HTTP method '" + method + "' for the signed URL of " + path + " is not a word.");
      }
      sorted.add(method.toUpperCase(Locale.ROOT));
    }
    if (sorted.isEmpty()) {
      throw new IllegalArgumentException(
          "No HTTP method given for the signed URL of " + path + "; give at least GET.");
    }
    Map<String, String> query = new TreeMap<>();
    query.put("algorithm", signer.algorithm().wireName().toUpperCase(Locale.ROOT));
    query.put("expires", Long.toString(expires.getEpochSecond()));
    query.put("keyId", signer.keyId());
    if (sorted.size() > 1) {
      // With one method the server takes it from the request line; only a list travels.
      query.put("method", String.join(",", sorted));
    }
    StringJoiner canonical = new StringJoiner("&");
    query.forEach(
        (k, v) -> canonical.add(PercentEncoding.encode(k) + "=" + PercentEncoding.encode(v)));
    String host = hostHeader(baseUrl);
    String fullPath = pathPrefix(baseUrl) + path.encoded();
    String toSign = String.join(",", sorted) + "\n" + host + "\n" + fullPath + "\n" + canonical;
    String signature = signer.signBase64(toSign);
    URI uri =
        URI.create(
            baseUrl.getScheme().toLowerCase(Locale.ROOT)
                + "://"
                + host
                + fullPath
                + "?"
                + canonical
                + "&signature="
                + PercentEncoding.encode(signature));
    return new SignedUrl(uri, path, Instant.ofEpochSecond(expires.getEpochSecond()), sorted);
  }

  /**
   * Returns the {@code Host} header a client sends for {@code url}: the host in lower case, with
   * the port only when it is not the scheme's default (Node and OkHttp both leave 443 and 80 out).
   */
  static String hostHeader(URI url) {
    String host = url.getHost().toLowerCase(Locale.ROOT);
    int port = url.getPort();
    int defaultPort = url.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    return port == -1 || port == defaultPort ? host : host + ":" + port;
  }

  private static String pathPrefix(URI url) {
    String raw = url.getRawPath();
    if (raw == null) {
      return "";
    }
    return raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
  }
}
