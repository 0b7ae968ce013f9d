package org.tritondatacenter.origin.imgapi;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An IMGAPI v2 image manifest, every field kept exactly as read.
 *
 * <p>Reading a manifest and writing it again gives back the same JSON tree: nested objects that are
 * not modelled ({@code requirements}, {@code tags}, {@code files} entries and so on) are held as
 * unmodifiable plain maps and lists, integers stay integers, and top-level fields this record does
 * not know are kept in {@link #extraFields()}. A JSON {@code null} at the top level is read as an
 * absent field. A component is null when its field is absent.
 *
 * <p>IMGAPI refuses an import with unknown top-level fields (422 {@code InvalidParameter}), so
 * {@link ImgapiClient#adminImportImage} reports {@link #extraFields()} before sending.
 *
 * @param v the manifest version, 2
 * @param uuid the image UUID
 * @param owner the owning account UUID; the zero UUID on standalone servers
 * @param name the image name
 * @param version the image version
 * @param description the description
 * @param homepage a URL
 * @param eula a URL
 * @param icon true when the image has an icon
 * @param state {@code active}, {@code unactivated} and so on, as sent; see {@link #imageState()}
 * @param error why the image failed
 * @param disabled true when disabled
 * @param isPublic the {@code public} field
 * @param publishedAt {@code published_at}, an ISO 8601 string kept as written
 * @param type such as {@code zone-dataset} or {@code zvol}
 * @param os such as {@code smartos} or {@code linux}
 * @param origin the UUID of the origin image of an incremental image
 * @param files the {@code files} entries; see {@link #file()}
 * @param acl account UUIDs
 * @param requirements {@code networks}, {@code brand}, {@code min_platform} and so on
 * @param users objects with a {@code name}
 * @param generatePasswords {@code generate_passwords}
 * @param inheritedDirectories {@code inherited_directories}
 * @param billingTags {@code billing_tags}
 * @param traits the traits object
 * @param tags the tags object
 * @param nicDriver {@code nic_driver} of a zvol
 * @param diskDriver {@code disk_driver} of a zvol
 * @param cpuType {@code cpu_type} of a zvol
 * @param imageSize {@code image_size} of a zvol, in MiB
 * @param channels the channels the image is in (API version 2 and later)
 * @param urn the deprecated URN
 * @param extraFields top-level fields that are not IMGAPI v2 fields, in order; never null
 */
public record ImageManifest(
    Integer v,
    String uuid,
    String owner,
    String name,
    String version,
    String description,
    String homepage,
    String eula,
    Boolean icon,
    String state,
    Map<String, Object> error,
    Boolean disabled,
    Boolean isPublic,
    String publishedAt,
    String type,
    String os,
    String origin,
    List<Map<String, Object>> files,
    List<String> acl,
    Map<String, Object> requirements,
    List<Object> users,
    Boolean generatePasswords,
    List<String> inheritedDirectories,
    List<String> billingTags,
    Map<String, Object> traits,
    Map<String, Object> tags,
    String nicDriver,
    String diskDriver,
    String cpuType,
    Long imageSize,
    List<String> channels,
    String urn,
    Map<String, Object> extraFields) {

  /** The owner UUID standalone IMGAPI servers give every imported image. */
  public static final String ZERO_UUID = "00000000-0000-0000-0000-000000000000";

  /** Copies every collection deeply and refuses an extra field that is a known one. */
  @SuppressWarnings("unchecked")
  public ImageManifest {
    error = (Map<String, Object>) JsonValues.freeze(error);
    files = (List<Map<String, Object>>) JsonValues.freeze(files);
    acl = (List<String>) JsonValues.freeze(acl);
    requirements = (Map<String, Object>) JsonValues.freeze(requirements);
    users = (List<Object>) JsonValues.freeze(users);
    inheritedDirectories = (List<String>) JsonValues.freeze(inheritedDirectories);
    billingTags = (List<String>) JsonValues.freeze(billingTags);
    traits = (Map<String, Object>) JsonValues.freeze(traits);
    tags = (Map<String, Object>) JsonValues.freeze(tags);
    channels = (List<String>) JsonValues.freeze(channels);
    extraFields =
        extraFields == null ? Map.of() : (Map<String, Object>) JsonValues.freeze(extraFields);
    for (String key : extraFields.keySet()) {
      if (ManifestCodec.FIELDS.contains(key)) {
        throw new IllegalArgumentException(
            "\"" + key + "\" is an IMGAPI manifest field, not an extra one");
      }
    }
  }

  /**
   * Reads a manifest from JSON text, such as an {@code .imgmanifest} file exported by CloudAPI.
   *
   * @param source names the text in messages, such as a Manta path
   * @throws IllegalArgumentException when the text is not a JSON object or a field has the wrong
   *     type, naming the source and the field
   */
  public static ImageManifest parse(String json, String source) {
    Objects.requireNonNull(json, "json == null");
    return ManifestCodec.parse(json, source == null ? "manifest" : source);
  }

  /**
   * Reads a manifest from a JSON tree.
   *
   * @throws IllegalArgumentException when the tree is not an object or a field has the wrong type
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ImageManifest fromTree(JsonNode tree) {
    return ManifestCodec.fromTree(tree, "manifest");
  }

  /** Returns the manifest as a new JSON tree: known fields in the documented order, then extras. */
  @JsonValue
  public ObjectNode toTree() {
    return ManifestCodec.toTree(this);
  }

  /** Returns the manifest as compact JSON text. */
  public String toJson() {
    return toTree().toString();
  }

  /** Returns the state as an enum, {@link ImageState#UNKNOWN} when absent or unknown. */
  public ImageState imageState() {
    return ImageState.fromWireName(state);
  }

  /**
   * Returns the first file (IMGAPI images have exactly one), or null when there is none.
   *
   * @throws IllegalArgumentException when a field of that file has the wrong type
   */
  public ImageFile file() {
    if (files == null || files.isEmpty()) {
      return null;
    }
    return ImageFile.from(files.get(0), "files[0] of image " + uuid);
  }

  /** Returns {@code requirements.min_platform}, such as {@code {"7.0": "20141030T081701Z"}}. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> minPlatform() {
    Object value = requirements == null ? null : requirements.get("min_platform");
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  /** Returns a copy with another {@code owner}, such as {@link #ZERO_UUID}. */
  public ImageManifest withOwner(String owner) {
    Checks.uuid(owner, "owner");
    return with("owner", owner);
  }

  /** Returns a copy with another {@code public} flag. */
  public ImageManifest withPublic(boolean isPublic) {
    return with("public", isPublic);
  }

  /**
   * Returns a copy whose {@code requirements.min_platform} is {@code minPlatform}; the other
   * requirements stay. An empty or null map removes {@code min_platform}.
   */
  public ImageManifest withMinPlatform(Map<String, String> minPlatform) {
    Map<String, Object> changed =
        requirements == null ? new LinkedHashMap<>() : new LinkedHashMap<>(requirements);
    if (minPlatform == null || minPlatform.isEmpty()) {
      changed.remove("min_platform");
    } else {
      changed.put("min_platform", new LinkedHashMap<>(minPlatform));
    }
    return with("requirements", requirements == null && changed.isEmpty() ? null : changed);
  }

  /** Returns a copy without the {@link #extraFields()} that IMGAPI would refuse. */
  public ImageManifest withoutExtraFields() {
    Map<String, Object> map = ManifestCodec.toMap(this);
    map.keySet().removeAll(extraFields.keySet());
    return ManifestCodec.fromMap(map, "manifest of image " + uuid);
  }

  private ImageManifest with(String field, Object value) {
    Map<String, Object> map = ManifestCodec.toMap(this);
    if (value == null) {
      map.remove(field);
    } else {
      map.put(field, value);
    }
    return ManifestCodec.fromMap(map, "manifest of image " + uuid);
  }

  /** Names the image without listing every field. */
  @Override
  public String toString() {
    return "ImageManifest[" + uuid + " " + name + "@" + version + ", state " + state + "]";
  }
}
