package org.tritondatacenter.origin.publish;

import java.util.Objects;

/**
 * How images are published.
 *
 * @param channel the channel to publish into; null for the server's default channel (looked up with
 *     ListChannels), and ignored with {@code makePublic}
 * @param fileSource how the files reach IMGAPI
 * @param makePublic publish with {@code public: true} and no channel, for a public-mode server such
 *     as images.smartos.org; otherwise {@code public: false}, as private (updates) servers require
 */
public record PublishSettings(String channel, FileSourceMode fileSource, boolean makePublic) {
  /**
   * Checks the combination.
   *
   * @throws IllegalArgumentException when a channel is given with {@code makePublic}
   */
  public PublishSettings {
    Objects.requireNonNull(fileSource, "fileSource == null");
    if (makePublic && channel != null) {
      throw new IllegalArgumentException(
          "makePublic publishes to a public server, which has no channels; leave out channel '"
              + channel
              + "'");
    }
  }
}
