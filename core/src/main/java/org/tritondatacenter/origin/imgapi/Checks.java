package org.tritondatacenter.origin.imgapi;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validates arguments before any request, with messages that name the value and what to do. */
final class Checks {
  /** The channel value that means every channel; IMGAPI takes it on reads only. */
  static final String ALL_CHANNELS = "*";

  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern SHA1 = Pattern.compile("[0-9a-fA-F]{40}");

  private Checks() {}

  /** Returns {@code value} when it is a UUID; {@code field} names it in the message. */
  static String uuid(String value, String field) {
    if (value == null || !UUID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          field
              + " "
              + quote(value)
              + " is not a UUID; expected 8-4-4-4-12 hex digits such as"
              + " 2b683a82-a066-11e3-97ab-2faa44701c5a");
    }
    return value;
  }

  /** Returns a channel a read may use: null (the default channel), a name, or {@code *}. */
  static String readChannel(String channel, String operation) {
    if (channel == null || channel.equals(ALL_CHANNELS)) {
      return channel;
    }
    return channelName(channel, operation + " channel");
  }

  /** Returns a channel a write may use: null (the default channel) or a name, never {@code *}. */
  static String writeChannel(String channel, String operation) {
    if (ALL_CHANNELS.equals(channel)) {
      throw new IllegalArgumentException(
          "IMGAPI "
              + operation
              + ": channel '*' (every channel) is allowed on reads only; name the one channel"
              + " the image is in, such as dev or experimental");
    }
    return channel == null ? null : channelName(channel, operation + " channel");
  }

  /** Returns {@code channel} when it is a plain channel name. */
  static String channelName(String channel, String field) {
    if (channel == null || !CHANNEL.matcher(channel).matches()) {
      throw new IllegalArgumentException(
          field
              + " "
              + quote(channel)
              + " is not a channel name: use ASCII letters, digits, '.', '_' and '-', at most 64,"
              + " such as dev or release");
    }
    return channel;
  }

  /** Returns the SHA-1 in lowercase hex, or null for null. */
  static String sha1(String sha1, String field) {
    if (sha1 == null) {
      return null;
    }
    if (!SHA1.matcher(sha1).matches()) {
      throw new IllegalArgumentException(
          field + " " + quote(sha1) + " is not a SHA-1: expected 40 hex digits");
    }
    return sha1.toLowerCase(Locale.ROOT);
  }

  /** Returns a URL IMGAPI can fetch: http or https with a host. */
  static URI fileUrl(URI url) {
    if (url == null) {
      throw new IllegalArgumentException("file URL is missing; give the https:// URL of the file");
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http"))
        || url.getHost() == null
        || url.getHost().isEmpty()) {
      throw new IllegalArgumentException(
          "file URL "
              + SignedUrls.describe(url)
              + " is not one IMGAPI can fetch: it needs an https:// URL with a host name");
    }
    return url;
  }

  /** Returns {@code value} when it is a non-blank single-line filter value. */
  static String filterValue(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("ListImages filter " + field + " is empty; leave it out");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(
            "ListImages filter " + field + " contains a control character");
      }
    }
    return value;
  }

  private static String quote(String value) {
    return value == null ? "(null)" : "'" + value.replaceAll("\\p{Cntrl}", "?") + "'";
  }
}
