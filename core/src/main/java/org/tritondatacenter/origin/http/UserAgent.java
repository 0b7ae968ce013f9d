package org.tritondatacenter.origin.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The {@code User-Agent} core sends: {@code triton-origin/<version> (Java <version>)}. */
final class UserAgent {
  /** The version Maven filtered into {@code version.properties}, or {@code unknown}. */
  static final String VERSION = readVersion();

  static final String DEFAULT =
      "triton-origin/" + VERSION + " (Java " + System.getProperty("java.version", "?") + ")";

  private UserAgent() {}

  private static String readVersion() {
    try (InputStream in = UserAgent.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "unknown").trim();
      // An unfiltered resource (run from an IDE without Maven) still holds the placeholder.
      return version.isEmpty() || version.startsWith("${") ? "unknown" : version;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
