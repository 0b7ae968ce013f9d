package org.tritondatacenter.origin.cli.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.http.TlsSettings;

/** Small rules every service's settings share: precedence, URLs and TLS. */
final class Settings {
  private Settings() {}

  static Setting pick(String flagValue, String flag, EnvValues.Found variable) {
    if (flagValue != null && !flagValue.isBlank()) {
      return new Setting(flagValue.strip(), flag);
    }
    return variable == null ? null : new Setting(variable.value(), variable.variable());
  }

  static TlsSettings tls(boolean insecure) {
    return insecure ? TlsSettings.insecureSkipVerify() : TlsSettings.DEFAULT;
  }

  /** Parses a service URL, naming where it came from when it is not one. */
  static URI url(Service service, String value, String source) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      uri = null;
    }
    String scheme =
        uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri == null
        || !(scheme.equals("https") || scheme.equals("http"))
        || uri.getHost() == null
        || uri.getRawQuery() != null
        || uri.getRawUserInfo() != null) {
      throw new ConfigException(
          "the "
              + service
              + " URL '"
              + value
              + "' (from "
              + source
              + ") is not a usable URL; give one such as https://host.example.com, without a"
              + " user name, query or fragment");
    }
    return uri;
  }

  /** A value and the flag, variable or profile it came from. */
  record Setting(String value, String source) {}
}
