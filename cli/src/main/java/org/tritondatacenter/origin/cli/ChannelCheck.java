package org.tritondatacenter.origin.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.imgapi.ImageQuery;
import org.tritondatacenter.origin.imgapi.ImgapiClient;

/**
 * Checks channel names against the server before anything changes. IMGAPI itself answers an unknown
 * channel with a bare 422; this names the server's channels instead.
 */
final class ChannelCheck {
  private ChannelCheck() {}

  /**
   * Throws when the server has channels and any of {@code wanted} is not among them.
   *
   * @throws UsageException naming the unknown channels and the server's
   */
  static void require(ImgapiClient client, Collection<String> wanted) {
    List<String> names = new ArrayList<>();
    try {
      client.listChannels().forEach(c -> names.add(c.name()));
    } catch (TritonApiException e) {
      if (e.isNotFound()) {
        // A server without channels (images.smartos.org and the like): nothing to check.
        return;
      }
      throw e;
    }
    List<String> unknown = wanted.stream().filter(c -> c != null && !names.contains(c)).toList();
    if (!unknown.isEmpty()) {
      throw new UsageException(
          "IMGAPI "
              + client.endpoint().baseUrl()
              + " has no channel "
              + String.join(", ", unknown)
              + "; its channels are "
              + String.join(", ", names));
    }
  }

  /**
   * Throws when no active image in {@code channel} has a name containing {@code name} and the exact
   * {@code version}: what release and channel-add select would be nothing.
   *
   * @throws NotFoundException naming the channel, filter and version
   */
  static void requireImages(ImgapiClient client, String channel, String name, String version) {
    ImageQuery query =
        ImageQuery.builder().channel(channel).name("~" + name).version(version).build();
    if (client.listImages(query).isEmpty()) {
      throw new NotFoundException(
          "no image matches in channel "
              + channel
              + " of IMGAPI "
              + client.endpoint().baseUrl()
              + ": name containing '"
              + name
              + "', version "
              + version
              + "; 'triton-origin list --channel "
              + channel
              + " --all' shows what there is");
    }
  }
}
