package org.tritondatacenter.origin.imgapi;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tritondatacenter.origin.http.Json;

/**
 * Reads and writes {@link ImageManifest}s field by field.
 *
 * <p>Each field is read with the type IMGAPI gives it and refused, by name, when it has another; a
 * value is never coerced, because a coerced value would not write back the same.
 */
final class ManifestCodec {
  /** The IMGAPI v2 manifest fields, in the order of the IMGAPI docs. */
  static final List<String> FIELDS =
      List.of(
          "v",
          "uuid",
          "owner",
          "name",
          "version",
          "description",
          "homepage",
          "eula",
          "icon",
          "state",
          "error",
          "disabled",
          "public",
          "published_at",
          "type",
          "os",
          "origin",
          "files",
          "acl",
          "requirements",
          "users",
          "generate_passwords",
          "inherited_directories",
          "billing_tags",
          "traits",
          "tags",
          "nic_driver",
          "disk_driver",
          "cpu_type",
          "image_size",
          "channels",
          "urn");

  private ManifestCodec() {}

  static ImageManifest parse(String json, String source) {
    JsonNode tree;
    try {
      tree = Json.mapper().readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          source + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    return fromTree(tree, source);
  }

  @SuppressWarnings("unchecked")
  static ImageManifest fromTree(JsonNode tree, String source) {
    if (tree == null || !tree.isObject()) {
      throw new IllegalArgumentException(
          source
              + " is not a JSON object but "
              + (tree == null ? "nothing" : tree.getNodeType().name().toLowerCase()));
    }
    return fromMap((Map<String, Object>) JsonValues.fromNode(tree), source);
  }

  static ImageManifest fromMap(Map<String, Object> map, String source) {
    FieldReader r = new FieldReader(map, source);
    Map<String, Object> extra = new LinkedHashMap<>();
    for (Map.Entry<String, Object> field : map.entrySet()) {
      if (!FIELDS.contains(field.getKey())) {
        extra.put(field.getKey(), field.getValue());
      }
    }
    return new ImageManifest(
        r.integer("v"),
        r.text("uuid"),
        r.text("owner"),
        r.text("name"),
        r.text("version"),
        r.text("description"),
        r.text("homepage"),
        r.text("eula"),
        r.bool("icon"),
        r.text("state"),
        r.object("error"),
        r.bool("disabled"),
        r.bool("public"),
        r.text("published_at"),
        r.text("type"),
        r.text("os"),
        r.text("origin"),
        r.objects("files"),
        r.texts("acl"),
        r.object("requirements"),
        r.array("users"),
        r.bool("generate_passwords"),
        r.texts("inherited_directories"),
        r.texts("billing_tags"),
        r.object("traits"),
        r.object("tags"),
        r.text("nic_driver"),
        r.text("disk_driver"),
        r.text("cpu_type"),
        r.whole("image_size"),
        r.texts("channels"),
        r.text("urn"),
        extra);
  }

  /** Returns the fields of {@code m} as a new mutable ordered map, absent fields left out. */
  static Map<String, Object> toMap(ImageManifest m) {
    Map<String, Object> map = new LinkedHashMap<>();
    put(map, "v", m.v());
    put(map, "uuid", m.uuid());
    put(map, "owner", m.owner());
    put(map, "name", m.name());
    put(map, "version", m.version());
    put(map, "description", m.description());
    put(map, "homepage", m.homepage());
    put(map, "eula", m.eula());
    put(map, "icon", m.icon());
    put(map, "state", m.state());
    put(map, "error", m.error());
    put(map, "disabled", m.disabled());
    put(map, "public", m.isPublic());
    put(map, "published_at", m.publishedAt());
    put(map, "type", m.type());
    put(map, "os", m.os());
    put(map, "origin", m.origin());
    put(map, "files", m.files());
    put(map, "acl", m.acl());
    put(map, "requirements", m.requirements());
    put(map, "users", m.users());
    put(map, "generate_passwords", m.generatePasswords());
    put(map, "inherited_directories", m.inheritedDirectories());
    put(map, "billing_tags", m.billingTags());
    put(map, "traits", m.traits());
    put(map, "tags", m.tags());
    put(map, "nic_driver", m.nicDriver());
    put(map, "disk_driver", m.diskDriver());
    put(map, "cpu_type", m.cpuType());
    put(map, "image_size", m.imageSize());
    put(map, "channels", m.channels());
    put(map, "urn", m.urn());
    map.putAll(m.extraFields());
    return map;
  }

  static ObjectNode toTree(ImageManifest m) {
    return (ObjectNode) JsonValues.toNode(toMap(m));
  }

  private static void put(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
