package org.tritondatacenter.origin.publish;

import java.util.Objects;
import org.tritondatacenter.origin.imgapi.ImageManifest;

/**
 * One image to publish: its manifest and where its file is.
 *
 * @param manifest the manifest to import; its {@code uuid} is kept on the target server
 * @param file the image file
 * @param source where the manifest came from, for messages (a Manta path, a file, a server)
 */
public record PublishItem(ImageManifest manifest, ImageFileSource file, String source) {
  /** Requires every field. */
  public PublishItem {
    Objects.requireNonNull(manifest, "manifest == null");
    Objects.requireNonNull(file, "file == null");
    Objects.requireNonNull(source, "source == null");
  }

  /** Describes the image, such as {@code triton-origin-x86_64-24.4.1@master-... (uuid)}. */
  public String describe() {
    return manifest.name() + "@" + manifest.version() + " (" + manifest.uuid() + ")";
  }
}
