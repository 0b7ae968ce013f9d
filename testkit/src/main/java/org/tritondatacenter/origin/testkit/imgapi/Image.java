package org.tritondatacenter.origin.testkit.imgapi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One image on a simulated IMGAPI server; immutable, replaced as a whole on every change.
 *
 * @param uuid the image UUID
 * @param fields the manifest fields as validated ({@code v}, {@code owner}, {@code name}, ...);
 *     everything the server computes itself (state, files, channels, published_at) lives in the
 *     other components
 * @param channels the channels the image is in, in the order it joined them (empty on a server
 *     without channels)
 * @param activated whether ActivateImage ran
 * @param disabled whether the image is disabled
 * @param publishedAt the {@code published_at} value, or null before activation (unless imported
 *     with one)
 * @param file the image file, or null before AddImageFile
 * @param sequence creation order on this server, to break ties between equal {@code published_at}
 */
record Image(
    String uuid,
    Map<String, Object> fields,
    List<String> channels,
    boolean activated,
    boolean disabled,
    String publishedAt,
    ImageFile file,
    long sequence) {

  Image {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    channels = List.copyOf(channels);
  }

  /** Returns the state as IMGAPI computes it from the activated and disabled flags. */
  String state() {
    if (!activated) {
      return "unactivated";
    }
    return disabled ? "disabled" : "active";
  }

  String name() {
    return String.valueOf(fields.get("name"));
  }

  String version() {
    return String.valueOf(fields.get("version"));
  }

  /** Returns a manifest field, or null. */
  Object field(String name) {
    return fields.get(name);
  }

  boolean inChannel(String channel) {
    return channel == null || channels.contains(channel);
  }

  Image withFields(Map<String, Object> newFields) {
    return new Image(uuid, newFields, channels, activated, disabled, publishedAt, file, sequence);
  }

  Image withChannels(List<String> newChannels) {
    return new Image(uuid, fields, newChannels, activated, disabled, publishedAt, file, sequence);
  }

  Image withChannelAdded(String channel) {
    if (channels.contains(channel)) {
      return this;
    }
    List<String> more = new ArrayList<>(channels);
    more.add(channel);
    return withChannels(more);
  }

  Image withChannelRemoved(String channel) {
    List<String> fewer = new ArrayList<>(channels);
    fewer.remove(channel);
    return withChannels(fewer);
  }

  Image withFile(ImageFile newFile) {
    return new Image(uuid, fields, channels, activated, disabled, publishedAt, newFile, sequence);
  }

  /** Returns the activated image; {@code published_at} is kept when the import carried one. */
  Image activatedAt(String now) {
    return new Image(
        uuid,
        fields,
        channels,
        true,
        disabled,
        publishedAt == null ? now : publishedAt,
        file,
        sequence);
  }

  Image withDisabled(boolean newDisabled) {
    return new Image(uuid, fields, channels, activated, newDisabled, publishedAt, file, sequence);
  }

  /** Describes the image for the leak report: uuid, name@version and its channels. */
  String describe() {
    return uuid + " " + name() + "@" + version() + (channels.isEmpty() ? "" : " " + channels);
  }
}
