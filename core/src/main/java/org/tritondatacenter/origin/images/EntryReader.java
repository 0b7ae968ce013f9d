package org.tritondatacenter.origin.images;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads one images.json entry from its {@link JsonTree}, recording every problem it finds. An entry
 * with problems yields no {@link ImageSpec}, but all its fields are still checked.
 */
final class EntryReader {
  static final List<String> KEYS =
      List.of(
          "namePrefix",
          "desc",
          "origin",
          "pkgsrc",
          "protoMinMemoryMb",
          "package",
          "networks",
          "upgrade",
          "audit",
          "script",
          "tags",
          "metadata",
          "homepage");
  static final List<String> ORIGIN_KEYS = List.of("uuid", "name", "version");

  /** A well-formed entry and where its name was written, for cross-entry checks. */
  record Entry(ImageSpec spec, String path, Location at, Location originAt) {}

  private final Problems problems;
  private final Values values;

  EntryReader(Problems problems) {
    this.problems = problems;
    this.values = new Values(problems);
  }

  /** Returns the entry, or null when it has problems (all of them recorded). */
  Entry read(JsonTree node, String path) {
    int before = problems.size();
    if (!(node instanceof JsonTree.Obj obj)) {
      problems.add(
          path,
          node.at(),
          "expected an image object with namePrefix, desc, origin, pkgsrc and protoMinMemoryMb,"
              + " got "
              + node.typeName());
      return null;
    }
    values.checkKeys(obj, path, KEYS, "an image entry");

    String namePrefix =
        required(
            obj,
            path,
            "namePrefix",
            "the image name prefix, such as triton-origin-x86_64",
            FieldRules::namePrefix);
    String desc = required(obj, path, "desc", "the image description", FieldRules::description);
    JsonTree originNode =
        values.field(
            obj, path, "origin", true, "the origin image, an object with uuid, name and version");
    ImageSpec.Origin origin =
        originNode == null ? null : origin(originNode, Problems.key(path, "origin"));
    List<String> pkgsrc = list(obj, path, "pkgsrc", true, 1000, "package", FieldRules::pkg);
    Integer memory = memory(obj, path);
    String packageName = optional(obj, path, "package", FieldRules::packageName);
    List<String> networks = list(obj, path, "networks", false, 32, "network", FieldRules::network);
    Boolean upgrade = bool(obj, path, "upgrade");
    Boolean audit = bool(obj, path, "audit");
    List<String> script = scriptLines(obj, path);
    JsonTree tagsNode = values.field(obj, path, "tags", false, "");
    Map<String, Object> tags =
        tagsNode == null ? Map.of() : values.tags(tagsNode, Problems.key(path, "tags"));
    JsonTree metadataNode = values.field(obj, path, "metadata", false, "");
    Map<String, String> metadata =
        metadataNode == null
            ? Map.of()
            : values.metadata(metadataNode, Problems.key(path, "metadata"));
    String homepage = optional(obj, path, "homepage", FieldRules::homepage);

    if (problems.size() > before) {
      return null;
    }
    ImageSpec spec =
        new ImageSpec(
            namePrefix,
            desc,
            origin,
            pkgsrc,
            memory,
            packageName,
            networks,
            Boolean.TRUE.equals(upgrade),
            Boolean.TRUE.equals(audit),
            script,
            tags,
            metadata,
            homepage);
    return new Entry(spec, path, obj.at(), originNode.at());
  }

  private ImageSpec.Origin origin(JsonTree node, String path) {
    if (!(node instanceof JsonTree.Obj obj)) {
      problems.add(
          path,
          node.at(),
          "expected an object with uuid, name and version, got " + node.typeName());
      return null;
    }
    values.checkKeys(obj, path, ORIGIN_KEYS, "origin");
    String uuid = required(obj, path, "uuid", "the origin image UUID", EntryReader::uuid);
    String name =
        required(
            obj,
            path,
            "name",
            "the origin image name, such as minimal-64-lts",
            FieldRules::originName);
    String version =
        required(
            obj,
            path,
            "version",
            "the origin image version, such as 24.4.1",
            FieldRules::originVersion);
    if (uuid == null || name == null || version == null) {
      return null;
    }
    return new ImageSpec.Origin(uuid.toLowerCase(Locale.ROOT), name, version);
  }

  private static Optional<String> uuid(String v) {
    if (ImageNaming.isUuid(v)) {
      return Optional.empty();
    }
    return Optional.of(
        "expected a UUID such as 41bd4100-eb86-409a-85b0-e649aadf6f62, got " + Problems.quote(v));
  }

  private String required(
      JsonTree.Obj obj,
      String parent,
      String key,
      String expectation,
      Function<String, Optional<String>> rule) {
    JsonTree node = values.field(obj, parent, key, true, expectation);
    return node == null ? null : values.text(node, Problems.key(parent, key), rule);
  }

  private String optional(
      JsonTree.Obj obj, String parent, String key, Function<String, Optional<String>> rule) {
    JsonTree node = values.field(obj, parent, key, false, "");
    return node == null ? null : values.text(node, Problems.key(parent, key), rule);
  }

  private List<String> list(
      JsonTree.Obj obj,
      String parent,
      String key,
      boolean required,
      int maxItems,
      String itemName,
      Function<String, Optional<String>> rule) {
    JsonTree node = values.field(obj, parent, key, required, "an array of " + itemName + " names");
    if (node == null) {
      return List.of();
    }
    return values.uniqueNames(node, Problems.key(parent, key), maxItems, itemName, rule);
  }

  private List<String> scriptLines(JsonTree.Obj obj, String parent) {
    JsonTree node = values.field(obj, parent, "script", false, "");
    if (node == null) {
      return List.of();
    }
    return values.lines(node, Problems.key(parent, "script"), 1000, FieldRules::scriptLine);
  }

  private Boolean bool(JsonTree.Obj obj, String parent, String key) {
    JsonTree node = values.field(obj, parent, key, false, "");
    if (node == null) {
      return null;
    }
    if (node instanceof JsonTree.Bool b) {
      return b.value();
    }
    problems.add(
        Problems.key(parent, key),
        node.at(),
        "expected true or false (without quotes), got " + node.typeName());
    return null;
  }

  private Integer memory(JsonTree.Obj obj, String parent) {
    JsonTree node =
        values.field(obj, parent, "protoMinMemoryMb", true, "a number of MiB such as 1024");
    return node == null ? null : values.memory(node, Problems.key(parent, "protoMinMemoryMb"));
  }
}
