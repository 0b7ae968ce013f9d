package org.tritondatacenter.origin.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The proxy variables, read as curl reads them. */
class ProxySettingsTest {
  private static String proxyFor(ProxySettings p, String url) {
    Proxy proxy = p.select(URI.create(url)).get(0);
    return proxy == Proxy.NO_PROXY
        ? "direct"
        : ((InetSocketAddress) proxy.address()).getHostString()
            + ":"
            + ((InetSocketAddress) proxy.address()).getPort();
  }

  @Test
  void select_byScheme_usesHttpsOrHttpProxy() {
    ProxySettings p =
        ProxySettings.fromEnvironment(
            Map.of("HTTPS_PROXY", "http://secure:3128", "http_proxy", "plain:8080"));

    assertThat(proxyFor(p, "https://cloudapi.example.com/")).isEqualTo("secure:3128");
    assertThat(proxyFor(p, "http://127.0.0.1:9000/")).isEqualTo("plain:8080");
  }

  @Test
  void select_forNoProxyHostsAndDomains_goesDirect() {
    ProxySettings p =
        ProxySettings.fromEnvironment(
            Map.of(
                "HTTPS_PROXY", "http://proxy:3128",
                "NO_PROXY", "localhost, .internal.example, example.org:443"));

    assertThat(proxyFor(p, "https://localhost/")).isEqualTo("direct");
    assertThat(proxyFor(p, "https://api.internal.example/")).isEqualTo("direct");
    assertThat(proxyFor(p, "https://a.example.org/")).isEqualTo("direct");
    assertThat(proxyFor(p, "https://example.org/")).isEqualTo("direct");
    assertThat(proxyFor(p, "https://notexample.org/")).isEqualTo("proxy:3128");
  }

  @Test
  void toString_neverShowsProxyCredentials() {
    ProxySettings p =
        ProxySettings.fromEnvironment(Map.of("HTTPS_PROXY", "http://user:s3cret@proxy:3128"));

    assertThat(p.toString()).doesNotContain("s3cret", "user:");
    assertThat(p.isConfigured()).isTrue();
  }

  @Test
  void fromEnvironment_withMalformedValue_namesTheVariable() {
    assertThatThrownBy(() -> ProxySettings.fromEnvironment(Map.of("HTTP_PROXY", "http://:80")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("HTTP_PROXY");
  }
}
