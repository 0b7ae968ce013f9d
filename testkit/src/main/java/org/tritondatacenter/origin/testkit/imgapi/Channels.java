package org.tritondatacenter.origin.testkit.imgapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.tritondatacenter.origin.testkit.http.ApiError;
import org.tritondatacenter.origin.testkit.http.Exchange;

/**
 * The channels of a private-mode server and how {@code ?channel=} resolves against them (apis.md
 * §4.4). The first configured channel is the default. A public-mode server has no channels: the
 * parameter is ignored there and every lookup spans the whole server.
 */
final class Channels {
  /** IMGAPI's rule for channel names (lib/channels.js). */
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");

  private static final Map<String, String> DESCRIPTIONS =
      Map.of(
          "dev", "development builds",
          "experimental", "builds from feature branches; latest is not meaningful here",
          "staging", "release candidates being staged before a release",
          "release", "released images",
          "support", "images under extended support");

  private final List<String> names;

  /**
   * Creates the channel set; an empty list means a server without channels.
   *
   * @throws IllegalArgumentException when a name is not a valid IMGAPI channel name
   */
  Channels(List<String> names) {
    for (String name : names) {
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "invalid IMGAPI channel name \""
                + name
                + "\" in the channels option: use a lowercase letter followed by lowercase"
                + " letters, digits, '_' or '-'");
      }
    }
    this.names = List.copyOf(names);
  }

  boolean enabled() {
    return !names.isEmpty();
  }

  List<String> names() {
    return names;
  }

  String defaultChannel() {
    return names.isEmpty() ? null : names.get(0);
  }

  boolean exists(String name) {
    return names.contains(name);
  }

  /**
   * Resolves the request's {@code channel} parameter: the named channel, the default one when it is
   * absent, or null for "every channel" ({@code *} on reads, or a server without channels).
   *
   * @throws ApiError 422 {@code ValidationFailed} for a channel the server does not have ({@code *}
   *     counts as unknown on writes)
   */
  String resolve(Exchange exchange, boolean allowStar) {
    if (!enabled()) {
      return null;
    }
    String name = exchange.query("channel");
    if (name == null || name.isEmpty()) {
      return defaultChannel();
    }
    if (allowStar && name.equals("*")) {
      return null;
    }
    if (!exists(name)) {
      throw unknown(name);
    }
    return name;
  }

  /** Returns the answer of ListChannels: {@code [{name, description, default?}]}. */
  List<Map<String, Object>> describe() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String name : names) {
      Map<String, Object> channel = new LinkedHashMap<>();
      channel.put("name", name);
      channel.put("description", DESCRIPTIONS.getOrDefault(name, "the " + name + " channel"));
      if (name.equals(defaultChannel())) {
        channel.put("default", true);
      }
      out.add(channel);
    }
    return out;
  }

  static ApiError unknown(String name) {
    return Errors.validationFailed(
        "unknown channel: " + name,
        List.of(Errors.fieldError("channel", "Invalid", "unknown channel: " + name)));
  }
}
