package org.tritondatacenter.origin.cloudapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An image as CloudAPI shows it: GetImage, ListImages and CreateImageFromMachine.
 *
 * <p>This is CloudAPI's view ({@code id}, not {@code uuid}), not the full IMGAPI manifest. Absent
 * collections are empty, absent scalars null.
 *
 * @param id the image UUID
 * @param name the image name
 * @param version the image version
 * @param os such as {@code smartos}
 * @param type such as {@code zone-dataset} or {@code zvol}
 * @param state the image state; never null
 * @param owner the owner's account UUID
 * @param isPublic whether the image is public ({@code public})
 * @param origin the UUID of the image this one is incremental on, or null
 * @param publishedAt when it was activated ({@code published_at}), or null
 * @param description the description
 * @param homepage the homepage URL
 * @param eula the EULA URL
 * @param acl account UUIDs that may use a private image
 * @param tags tags; values are strings, numbers or booleans
 * @param files the image's files (one for CloudAPI images)
 * @param requirements what a machine needs to use it, or null
 * @param imageSize the virtual disk size in MiB of a zvol image ({@code image_size}), or null
 * @param error why creation failed, for a {@code failed} image; otherwise null
 */
public record Image(
    String id,
    String name,
    String version,
    String os,
    String type,
    ImageState state,
    String owner,
    @JsonProperty("public") Boolean isPublic,
    String origin,
    @JsonProperty("published_at") Instant publishedAt,
    String description,
    String homepage,
    String eula,
    List<String> acl,
    Map<String, Object> tags,
    List<ImageFile> files,
    ImageRequirements requirements,
    @JsonProperty("image_size") Long imageSize,
    ImageError error) {

  /** Normalises absent collections to empty ones and an absent state to {@code UNKNOWN}. */
  public Image {
    state = state == null ? ImageState.UNKNOWN : state;
    acl = Copies.list(acl);
    tags = Copies.map(tags);
    files = Copies.list(files);
  }

  /** Returns a short description for messages, such as {@code image 1a2b... (name@1.0)}. */
  String describe() {
    return "image " + id + (name == null ? "" : " (" + name + "@" + version + ")");
  }
}
