package org.tritondatacenter.origin.images;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of images.json: the image to build, the origin it starts from, and what to install.
 *
 * <p>Instances come from {@link ImagesJsonReader}, which has already checked every field; the
 * constructor only normalises absent optional fields to empty values.
 *
 * @param namePrefix the image name prefix, such as {@code triton-origin-x86_64}
 * @param description the image manifest description ({@code desc} in the file)
 * @param origin the image the temporary machine is provisioned from
 * @param pkgsrc the pkgsrc packages to install, in file order
 * @param protoMinMemoryMb the smallest machine memory in MiB; a package between this and twice it
 *     is chosen unless {@code packageName} is set
 * @param packageName an explicit CloudAPI package name or UUID ({@code package}), or null
 * @param networks network names or UUIDs for the machine; empty for the datacenter default
 * @param upgrade whether to run {@code pkgin full-upgrade} before installing
 * @param audit whether to run {@code pkg_admin audit} after installing
 * @param script extra shell lines run after the install, in the same strict script
 * @param tags extra tags for the machine and the image; values are strings, numbers or booleans
 * @param metadata extra metadata for the machine
 * @param homepage the image manifest homepage, or null
 */
public record ImageSpec(
    String namePrefix,
    String description,
    Origin origin,
    List<String> pkgsrc,
    int protoMinMemoryMb,
    String packageName,
    List<String> networks,
    boolean upgrade,
    boolean audit,
    List<String> script,
    Map<String, Object> tags,
    Map<String, String> metadata,
    String homepage) {

  public ImageSpec {
    Objects.requireNonNull(namePrefix, "namePrefix == null");
    Objects.requireNonNull(description, "description == null");
    Objects.requireNonNull(origin, "origin == null");
    pkgsrc = List.copyOf(pkgsrc);
    networks = networks == null ? List.of() : List.copyOf(networks);
    script = script == null ? List.of() : List.copyOf(script);
    tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    metadata =
        metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /** Returns the image name, {@code <namePrefix>-<origin.version>}. */
  public String imageName() {
    return ImageNaming.imageName(namePrefix, origin.version());
  }

  /** Returns the spec hash, the {@code triton-origin.spec} tag value. */
  public String specHash() {
    return SpecHash.of(this);
  }

  /**
   * The origin ("origin of the origin") image an entry builds on.
   *
   * @param uuid the image UUID, lower case
   * @param name the image name the datacenter must report for that UUID
   * @param version the image version the datacenter must report; also the image name suffix
   */
  public record Origin(String uuid, String name, String version) {
    public Origin {
      Objects.requireNonNull(uuid, "uuid == null");
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(version, "version == null");
    }

    @Override
    public String toString() {
      return name + "@" + version + " (" + uuid + ")";
    }
  }
}
