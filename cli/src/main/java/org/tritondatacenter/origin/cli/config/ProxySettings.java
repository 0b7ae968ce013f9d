package org.tritondatacenter.origin.cli.config;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;

/**
 * The proxy variables as curl reads them: {@code HTTPS_PROXY} for https URLs, {@code HTTP_PROXY}
 * for http ones (each also in lower case), and {@code NO_PROXY}, a comma-separated list of hosts
 * and domains to reach directly ({@code *} for all). A proxy URL may carry a user and password for
 * Basic proxy authentication; they are sent only to the proxy and never printed.
 */
public final class ProxySettings extends ProxySelector {
  private final Proxy https;
  private final Proxy http;
  private final List<String> noProxy;
  private final String credentials;

  private ProxySettings(Proxy https, Proxy http, List<String> noProxy, String credentials) {
    this.https = https;
    this.http = http;
    this.noProxy = noProxy;
    this.credentials = credentials;
  }

  /**
   * Reads the proxy variables.
   *
   * @throws ConfigException naming the variable whose value is not a proxy URL
   */
  public static ProxySettings fromEnvironment(Map<String, String> env) {
    EnvValues values = new EnvValues(env);
    EnvValues.Found httpsVar = values.first("HTTPS_PROXY", "https_proxy");
    EnvValues.Found httpVar = values.first("HTTP_PROXY", "http_proxy");
    EnvValues.Found noVar = values.first("NO_PROXY", "no_proxy");
    URI httpsUri = httpsVar == null ? null : parse(httpsVar);
    URI httpUri = httpVar == null ? null : parse(httpVar);
    List<String> noProxy = new ArrayList<>();
    if (noVar != null) {
      for (String entry : noVar.value().split(",")) {
        String host = entry.strip().toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.indexOf(':') == colon) {
          host = host.substring(0, colon);
        }
        host = host.startsWith("*.") ? host.substring(1) : host;
        if (!host.isEmpty()) {
          noProxy.add(host);
        }
      }
    }
    URI withUser = httpsUri != null && httpsUri.getRawUserInfo() != null ? httpsUri : httpUri;
    String credentials = null;
    if (withUser != null && withUser.getRawUserInfo() != null) {
      String[] parts = withUser.getRawUserInfo().split(":", 2);
      credentials =
          Credentials.basic(
              URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
              parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
    }
    return new ProxySettings(proxy(httpsUri), proxy(httpUri), List.copyOf(noProxy), credentials);
  }

  /** Returns true when any proxy is configured. */
  public boolean isConfigured() {
    return https != null || http != null;
  }

  /** Returns a client for core to derive from, with this proxy selection. */
  public OkHttpClient baseClient() {
    OkHttpClient.Builder builder = new OkHttpClient.Builder().proxySelector(this);
    if (credentials != null) {
      String value = credentials;
      builder.proxyAuthenticator(
          (route, response) ->
              response.request().header("Proxy-Authorization") != null
                  ? null
                  : response.request().newBuilder().header("Proxy-Authorization", value).build());
    }
    return builder.build();
  }

  @Override
  public List<Proxy> select(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    Proxy proxy = scheme.equals("https") ? https : scheme.equals("http") ? http : null;
    if (proxy == null || bypassed(uri.getHost())) {
      return List.of(Proxy.NO_PROXY);
    }
    return List.of(proxy);
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException failure) {
    // OkHttp reports the failure itself; there is no other proxy to fall back to.
  }

  private boolean bypassed(String host) {
    if (host == null) {
      return true;
    }
    String h = host.toLowerCase(Locale.ROOT);
    for (String entry : noProxy) {
      if (entry.equals("*")
          || h.equals(entry)
          || (entry.startsWith(".") ? h.endsWith(entry) : h.endsWith("." + entry))) {
        return true;
      }
    }
    return false;
  }

  private static URI parse(EnvValues.Found found) {
    String value = found.value().contains("://") ? found.value() : "http://" + found.value();
    try {
      URI uri = new URI(value);
      if (uri.getHost() == null) {
        throw new URISyntaxException(value, "no host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ConfigException(
          found.variable()
              + " is not a proxy URL such as http://proxy.example.com:3128; fix or unset it");
    }
  }

  private static Proxy proxy(URI uri) {
    if (uri == null) {
      return null;
    }
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(uri.getHost(), port));
  }

  /** Names the proxies without their credentials. */
  @Override
  public String toString() {
    return "ProxySettings[https=" + https + ", http=" + http + ", noProxy=" + noProxy + "]";
  }
}
