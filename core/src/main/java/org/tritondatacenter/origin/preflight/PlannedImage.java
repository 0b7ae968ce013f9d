package org.tritondatacenter.origin.preflight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tritondatacenter.origin.images.ImageSpec;

/**
 * One image as preflight found it ready to build, or already published.
 *
 * @param spec the images.json entry
 * @param name the image name
 * @param version the version the image will get
 * @param specHash the spec hash, the {@code triton-origin.spec} tag
 * @param packageId the UUID of the package the temporary machine gets
 * @param packageName that package's name
 * @param packageMemoryMb that package's memory in MiB, or null when CloudAPI did not say
 * @param networkIds the network UUIDs for the machine; empty for the account's defaults
 * @param networkNames the names of those networks, in the same order
 * @param publishedUuid the published image with the same spec, when the image is skipped; else null
 * @param publishedVersion that image's version, or null
 */
public record PlannedImage(
    ImageSpec spec,
    String name,
    String version,
    String specHash,
    String packageId,
    String packageName,
    Long packageMemoryMb,
    List<String> networkIds,
    List<String> networkNames,
    String publishedUuid,
    String publishedVersion) {

  /** Requires the entry, name, version and spec hash; copies the lists. */
  public PlannedImage {
    Objects.requireNonNull(spec, "spec == null");
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(version, "version == null");
    Objects.requireNonNull(specHash, "specHash == null");
    networkIds = networkIds == null ? List.of() : List.copyOf(networkIds);
    networkNames = networkNames == null ? List.of() : List.copyOf(networkNames);
  }

  /** Returns true when an image with the same spec is already published, so none is built. */
  public boolean skipped() {
    return publishedUuid != null;
  }

  /** Returns the origin image's UUID. */
  public String origin() {
    return spec.origin().uuid();
  }

  /** Returns the image as plain values, for {@code plan --json}. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("version", skipped() && publishedVersion != null ? publishedVersion : version);
    m.put("origin", origin());
    m.put("originName", spec.origin().name() + "@" + spec.origin().version());
    m.put("spec", specHash);
    m.put("skipped", skipped());
    if (skipped()) {
      m.put("uuid", publishedUuid);
    }
    if (packageName != null) {
      m.put("package", packageName);
    }
    if (packageMemoryMb != null) {
      m.put("memoryMb", packageMemoryMb);
    }
    m.put("networks", new ArrayList<>(networkNames.isEmpty() ? List.of() : networkNames));
    m.put("pkgsrc", new ArrayList<>(spec.pkgsrc()));
    return m;
  }
}
