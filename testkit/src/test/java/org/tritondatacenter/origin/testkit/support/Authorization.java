package org.tritondatacenter.origin.testkit.support;

/**
 * The parts of one {@code Authorization} header made by a {@link RequestSigner}.
 *
 * @param headers the {@code headers} parameter, or null when none is sent
 * @param signature the base64 signature
 * @param date the {@code Date} value that was signed and must be sent
 */
public record Authorization(
    String keyId, String algorithm, String headers, String signature, String date) {

  /** Returns the header as manta and triton send it: {@code keyId,algorithm,headers,signature}. */
  public String header() {
    return header("keyId", "algorithm", "headers", "signature");
  }

  /**
   * Returns the header with the parameters in this order (sdc-curl sends {@code
   * keyId,headers,algorithm,signature}); {@code headers} is skipped when null.
   */
  public String header(String... order) {
    StringBuilder out = new StringBuilder("Signature ");
    for (String name : order) {
      String value =
          switch (name) {
            case "keyId" -> keyId;
            case "algorithm" -> algorithm;
            case "headers" -> headers;
            case "signature" -> signature;
            default -> throw new IllegalArgumentException("unknown parameter " + name);
          };
      if (value != null) {
        out.append(out.length() > "Signature ".length() ? "," : "")
            .append(name)
            .append("=\"")
            .append(value)
            .append('"');
      }
    }
    return out.toString();
  }

  /** Never shows the signature value. */
  @Override
  public String toString() {
    return "Authorization[keyId=" + keyId + ", algorithm=" + algorithm + "]";
  }
}
