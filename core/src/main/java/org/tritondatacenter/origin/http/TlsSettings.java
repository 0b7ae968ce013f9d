package org.tritondatacenter.origin.http;

import java.nio.file.Path;

/**
 * How to check an endpoint's TLS certificate.
 *
 * <p>Verification is on by default. {@code insecure} turns it off entirely (certificate and host
 * name) and makes the client emit a warning; it exists for lab setups with self-signed
 * certificates, like the reference clients' {@code -i}. A custom CA file is the safer choice: its
 * certificates are trusted in addition to the JDK's.
 *
 * @param insecure true to skip certificate and host name verification
 * @param caCertificates a PEM file with one or more CA certificates to trust as well, or null
 */
public record TlsSettings(boolean insecure, Path caCertificates) {
  /** Verifies certificates against the JDK's trusted CAs. */
  public static final TlsSettings DEFAULT = new TlsSettings(false, null);

  /** Rejects the contradictory combination of a CA file with verification turned off. */
  public TlsSettings {
    if (insecure && caCertificates != null) {
      throw new IllegalArgumentException(
          "TLS: choose either a CA certificate file ("
              + caCertificates
              + ") or insecure mode, not both");
    }
  }

  /** Returns settings that skip all verification. */
  public static TlsSettings insecureSkipVerify() {
    return new TlsSettings(true, null);
  }

  /** Returns settings that also trust the CA certificates in the PEM file {@code pem}. */
  public static TlsSettings trusting(Path pem) {
    return new TlsSettings(false, java.util.Objects.requireNonNull(pem, "pem == null"));
  }
}
