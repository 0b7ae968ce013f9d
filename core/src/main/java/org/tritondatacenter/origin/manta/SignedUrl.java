package org.tritondatacenter.origin.manta;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A pre-signed Manta URL: anyone holding it may use the signed methods on the object until it
 * expires. It is a credential, so {@link #toString()} leaves the signature out; pass {@link #uri()}
 * only to whoever fetches it (such as IMGAPI's AddImageFileFromUrl) and never log it.
 *
 * @param uri the full URL, signature included
 * @param path the object it grants access to
 * @param expires when the server stops accepting it
 * @param methods the HTTP methods it allows, upper case
 */
public record SignedUrl(URI uri, MantaPath path, Instant expires, Set<String> methods) {

  /** Validates the fields. */
  public SignedUrl {
    Objects.requireNonNull(uri, "uri == null");
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(expires, "expires == null");
    methods = Set.copyOf(methods);
  }

  /** Describes the URL with its signature redacted. */
  @Override
  public String toString() {
    String text = uri.toString().replaceAll("([?&]signature=)[^&]*", "$1<redacted>");
    return "SignedUrl[" + text + ", expires " + expires + ", methods " + methods + "]";
  }
}
