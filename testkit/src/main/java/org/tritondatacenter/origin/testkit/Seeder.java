package org.tritondatacenter.origin.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tritondatacenter.origin.testkit.cloudapi.CloudApiSimulator;
import org.tritondatacenter.origin.testkit.http.Json;
import org.tritondatacenter.origin.testkit.imgapi.ImgapiSimulator;

/**
 * Makes a fresh local Triton ready for a build: origin images, packages, a default network and,
 * with an images.json, everything that file's build needs.
 */
final class Seeder {
  /** The sample packages every local Triton has: name and memory in MiB. */
  static final Map<String, Integer> DEFAULT_PACKAGES =
      Map.of("sample-512M", 512, "sample-1G", 1024, "sample-2G", 2048, "sample-4G", 4096);

  private static final List<String> PACKAGE_ORDER =
      List.of("sample-512M", "sample-1G", "sample-2G", "sample-4G");

  /** Receives an origin image: one IMGAPI's {@code seedImage}. */
  @FunctionalInterface
  interface ImageSink {
    void seedImage(Map<String, Object> manifest, Collection<String> channels);
  }

  /** An IMGAPI to seed and its mode. */
  record Target(ImgapiMode mode, ImageSink sink) {}

  private Seeder() {}

  /**
   * Seeds the datacenter. Without an images.json ({@code imagesJson} null) it still adds default
   * packages and a network. With one, each origin image is active in CloudAPI and in every channel
   * of each private IMGAPI, packages fit every entry's memory, and every pkgsrc package is in the
   * guest catalogue.
   */
  static void seed(
      LocalTritonOptions options,
      String imagesJson,
      CloudApiSimulator cloud,
      List<ImgapiSimulator> imgapis) {
    List<ImgapiInstance> instances = options.imgapis();
    if (instances.size() != imgapis.size()) {
      throw new IllegalArgumentException(
          instances.size() + " IMGAPI instances configured but " + imgapis.size() + " given");
    }
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < imgapis.size(); i++) {
      targets.add(new Target(instances.get(i).mode(), imgapis.get(i)::seedImage));
    }
    seedTargets(options, imagesJson, cloud, targets);
  }

  /** One images.json entry, as far as seeding needs it. */
  record Entry(
      String uuid, String name, String version, Integer minMemoryMb, List<String> pkgsrc) {}

  /** Seeds the datacenter, handing origin images to each target IMGAPI. */
  static void seedTargets(
      LocalTritonOptions options,
      String imagesJson,
      CloudApiSimulator cloud,
      List<Target> targets) {
    // Parse everything first, so a bad file seeds nothing.
    List<Entry> entries = imagesJson == null ? null : entries(imagesJson);
    List<Integer> memories = new ArrayList<>();
    for (String name : PACKAGE_ORDER) {
      int memory = DEFAULT_PACKAGES.get(name);
      cloud.addPackage(name, memory, memory * 50L);
      memories.add(memory);
    }
    cloud.addNetwork("external", true);
    if (entries == null) {
      cloud.seedImage(OriginImages.manifest(null, "base-64-lts", "24.4.1"));
      cloud.seedImage(OriginImages.manifest(null, "minimal-64-lts", "24.4.1"));
      return;
    }
    Set<String> seeded = new LinkedHashSet<>();
    for (Entry entry : entries) {
      if (seeded.add(entry.uuid())) {
        Map<String, Object> manifest =
            OriginImages.manifest(entry.uuid(), entry.name(), entry.version());
        cloud.seedImage(manifest);
        raisePlatformAbove(cloud, manifest);
        for (Target target : targets) {
          Map<String, Object> copy = new LinkedHashMap<>(manifest);
          boolean isPublic = target.mode() == ImgapiMode.PUBLIC;
          copy.put("public", isPublic);
          target.sink().seedImage(copy, isPublic ? List.of() : options.channels());
        }
      }
      Integer min = entry.minMemoryMb();
      if (min != null && memories.stream().noneMatch(m -> m >= min && m <= 2 * min)) {
        cloud.addPackage("sample-" + min + "M", min, min * 50L);
        memories.add(min);
      }
      for (String name : entry.pkgsrc()) {
        if (!cloud.guest().inCatalogue(name)) {
          cloud.guest().addToCatalogue(name + "-1.0.0");
        }
      }
    }
  }

  /**
   * Checks that an images.json can seed a datacenter.
   *
   * @throws IllegalArgumentException naming the entry and field that is wrong
   */
  static void check(String imagesJson) {
    entries(imagesJson);
  }

  private static List<Entry> entries(String imagesJson) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(imagesJson);
    } catch (IOException e) {
      throw new IllegalArgumentException("images.json is not valid JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException("images.json must hold a JSON array of image entries");
    }
    List<Entry> entries = new ArrayList<>();
    for (JsonNode node : root) {
      String where = "images.json entry " + (entries.size() + 1);
      JsonNode origin = node.path("origin");
      Integer min = null;
      if (node.hasNonNull("protoMinMemoryMb")) {
        min = node.get("protoMinMemoryMb").asInt();
        if (min <= 0) {
          throw new IllegalArgumentException(
              where + ": protoMinMemoryMb must be a positive number of MiB");
        }
      }
      List<String> pkgsrc = new ArrayList<>();
      for (JsonNode pkg : node.path("pkgsrc")) {
        if (!pkg.isTextual() || pkg.asText().isBlank()) {
          throw new IllegalArgumentException(where + ": pkgsrc must list package names");
        }
        pkgsrc.add(pkg.asText());
      }
      entries.add(
          new Entry(
              text(origin, "uuid", where),
              text(origin, "name", where),
              text(origin, "version", where),
              min,
              pkgsrc));
    }
    return entries;
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(
          where + ": origin." + field + " must be a non-empty string");
    }
    return value.asText();
  }

  /** Keeps the compute node's platform newer than every origin's, as a real one must be. */
  @SuppressWarnings("unchecked")
  private static void raisePlatformAbove(CloudApiSimulator cloud, Map<String, Object> manifest) {
    Map<String, Object> requirements = (Map<String, Object>) manifest.get("requirements");
    String stamp = ((Map<String, String>) requirements.get("min_platform")).get("7.0");
    if (stamp.compareTo(cloud.computeNodePlatform()) >= 0) {
      int year = Integer.parseInt(stamp.substring(0, 4)) + 1;
      cloud.computeNodePlatform(year + "0101T000000Z");
    }
  }

  /** Plausible manifests of the public origin images (minimal-64-lts and the like). */
  static final class OriginImages {
    private OriginImages() {}

    /** Returns a manifest; a null uuid gets a stable one derived from name and version. */
    static Map<String, Object> manifest(String uuid, String name, String version) {
      String id =
          uuid != null
              ? uuid
              : java.util
                  .UUID
                  .nameUUIDFromBytes(
                      ("triton-origin-testkit image " + name + "@" + version)
                          .getBytes(StandardCharsets.UTF_8))
                  .toString();
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("sha1", sha1(id));
      file.put("size", 100_000_000L + (Math.abs((long) id.hashCode()) % 50_000_000L));
      file.put("compression", "gzip");
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("v", 2);
      m.put("uuid", id);
      m.put("owner", CloudApiSimulator.ADMIN_UUID);
      m.put("name", name);
      m.put("version", version);
      m.put("state", "active");
      m.put("disabled", false);
      m.put("public", true);
      m.put("published_at", publishedAt(version));
      m.put("type", "zone-dataset");
      m.put("os", "smartos");
      m.put("files", List.of(file));
      m.put(
          "description",
          "A " + version + " " + name + " SmartOS image, seeded by the local Triton.");
      m.put(
          "homepage",
          "https://docs.tritondatacenter.com/public-cloud/instances/infrastructure/images");
      m.put("requirements", Map.of("min_platform", Map.of("7.0", platform(version))));
      return m;
    }

    /** Year and quarter from an LTS-style version such as {@code 21.4.0}. */
    private static int[] yearMonth(String version) {
      String[] parts = version.split("\\.");
      try {
        int year = 2000 + Integer.parseInt(parts[0]);
        int quarter = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
        return new int[] {year, Math.max(1, Math.min(12, quarter * 3 - 2))};
      } catch (NumberFormatException e) {
        return new int[] {2021, 1};
      }
    }

    private static String publishedAt(String version) {
      int[] ym = yearMonth(version);
      return String.format("%04d-%02d-15T00:00:00.000Z", ym[0], ym[1]);
    }

    private static String platform(String version) {
      if (version.equals("21.4.0")) {
        return "20210826T002459Z";
      }
      int[] ym = yearMonth(version);
      return String.format("%04d%02d01T000000Z", ym[0], ym[1]);
    }

    private static String sha1(String text) {
      try {
        return HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-1 is not available", e);
      }
    }
  }
}
