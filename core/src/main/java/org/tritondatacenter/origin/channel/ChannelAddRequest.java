package org.tritondatacenter.origin.channel;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What channel-add should do: which images to select from which channel, and the channels to add
 * them to.
 *
 * @param fromChannel the channel the images are selected from, such as {@code dev}
 * @param channels the channels to add every selected image to, in order, without duplicates
 * @param uuids the images to add; empty when selecting by name and version
 * @param name a substring of the image names to select (IMGAPI's {@code name=~...}), or null when
 *     selecting by UUID
 * @param version the exact version to select, or null when selecting by UUID
 * @param latest keep only the newest selected image per name (by {@code published_at})
 * @param dryRun report what would change and change nothing
 */
public record ChannelAddRequest(
    String fromChannel,
    List<String> channels,
    List<String> uuids,
    String name,
    String version,
    boolean latest,
    boolean dryRun) {

  /**
   * Checks that exactly one selection form is given and that there is a target channel.
   *
   * @throws IllegalArgumentException naming what is missing or conflicting
   */
  public ChannelAddRequest {
    Objects.requireNonNull(fromChannel, "fromChannel == null");
    channels = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(channels, "channels")));
    uuids = uuids == null ? List.of() : List.copyOf(new LinkedHashSet<>(uuids));
    if (channels.isEmpty()) {
      throw new IllegalArgumentException(
          "channel-add needs at least one target channel, such as staging");
    }
    boolean byName = name != null || version != null;
    if (!uuids.isEmpty() && byName) {
      throw new IllegalArgumentException(
          "channel-add selects images by uuids or by name + version, not both");
    }
    if (uuids.isEmpty() && (name == null || version == null)) {
      throw new IllegalArgumentException(
          "channel-add needs images: give uuids, or both name and version");
    }
    if (name != null && name.startsWith("~")) {
      // The filter is always a substring match; accept IMGAPI's own spelling too.
      name = name.substring(1);
    }
    if (name != null && name.isBlank()) {
      throw new IllegalArgumentException("channel-add name filter is empty; give part of a name");
    }
  }

  /** Selects {@code uuids} from {@code fromChannel}. */
  public static ChannelAddRequest byUuids(
      String fromChannel, List<String> uuids, List<String> channels, boolean dryRun) {
    return new ChannelAddRequest(fromChannel, channels, uuids, null, null, false, dryRun);
  }

  /**
   * Selects the images of {@code fromChannel} whose name contains {@code name} and whose version is
   * {@code version}; with {@code latest}, only the newest per name.
   */
  public static ChannelAddRequest byName(
      String fromChannel,
      String name,
      String version,
      boolean latest,
      List<String> channels,
      boolean dryRun) {
    return new ChannelAddRequest(fromChannel, channels, List.of(), name, version, latest, dryRun);
  }

  /** Returns true when images are selected by name and version rather than by UUID. */
  public boolean selectsByName() {
    return uuids.isEmpty();
  }

  /** Describes the selection for messages, such as {@code name ~triton-origin- version 1.2}. */
  String describeSelection() {
    return selectsByName()
        ? "images in channel '"
            + fromChannel
            + "' named ~"
            + name
            + " at version "
            + version
            + (latest ? " (newest per name)" : "")
        : uuids.size() + " image(s) from channel '" + fromChannel + "'";
  }
}
