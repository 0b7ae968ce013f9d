package org.tritondatacenter.origin.images;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tritondatacenter.origin.TritonException;

/**
 * A checked images.json: where it came from and its entries, in file order. Image names are
 * distinct.
 *
 * @param source the file name used in messages, such as {@code images.json}
 * @param images the entries, at least one
 */
public record ImagesFile(String source, List<ImageSpec> images) {
  public ImagesFile {
    Objects.requireNonNull(source, "source == null");
    images = List.copyOf(images);
  }

  /** Returns the image names, in file order. */
  public List<String> imageNames() {
    return images.stream().map(ImageSpec::imageName).toList();
  }

  /** Returns the entry that builds {@code imageName}, if any. */
  public Optional<ImageSpec> find(String imageName) {
    return images.stream().filter(i -> i.imageName().equals(imageName)).findFirst();
  }

  /**
   * Returns the entries named in {@code only}, in file order, or every entry when {@code only} is
   * empty.
   *
   * @throws TritonException naming each unknown image, with the closest known name and the list of
   *     names in the file
   */
  public List<ImageSpec> select(Collection<String> only) {
    if (only.isEmpty()) {
      return images;
    }
    List<String> names = imageNames();
    List<String> unknown = new ArrayList<>();
    for (String name : only) {
      if (!names.contains(name)) {
        unknown.add(
            "'"
                + name
                + "'"
                + Spelling.closest(name, names)
                    .map(n -> " (did you mean '" + n + "'?)")
                    .orElse(""));
      }
    }
    if (!unknown.isEmpty()) {
      throw new TritonException(
          "only names images that "
              + source
              + " does not define: "
              + String.join(", ", unknown)
              + "; it defines "
              + String.join(", ", names));
    }
    return images.stream().filter(i -> only.contains(i.imageName())).toList();
  }
}
