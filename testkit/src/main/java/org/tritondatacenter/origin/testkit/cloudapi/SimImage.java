package org.tritondatacenter.origin.testkit.cloudapi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One image in the simulated datacenter, holding the full IMGAPI manifest (what ExportImage writes)
 * and answering CloudAPI's narrower view of it. An image made from a machine is {@code creating}
 * until its job ends, then {@code active}, or {@code failed} when a test said so; the state is
 * computed from the simulation clock when asked. Thread-safe.
 */
final class SimImage {
  private static final Set<String> CLOUD_REQUIREMENTS =
      Set.of("min_memory", "min_ram", "max_memory", "max_ram", "brand", "bootrom");
  private static final Set<String> CLOUD_ERROR_CODES =
      Set.of("PrepareImageDidNotRun", "VmHasNoOrigin", "NotSupported");

  private final Map<String, Object> manifest;
  private final Instant readyAt;
  private final ImageFile file;
  private Map<String, Object> failure;

  private SimImage(Map<String, Object> manifest, Instant readyAt, ImageFile file) {
    this.manifest = manifest;
    this.readyAt = readyAt;
    this.file = file;
  }

  /** An image added directly (an origin image): its manifest's {@code state} holds. */
  static SimImage seeded(Map<String, Object> manifest) {
    return new SimImage(new LinkedHashMap<>(manifest), null, null);
  }

  /** An image being made from a machine; {@code manifest} has no state or published_at yet. */
  static SimImage creating(Map<String, Object> manifest, Instant readyAt, ImageFile file) {
    return new SimImage(new LinkedHashMap<>(manifest), readyAt, file);
  }

  String id() {
    return (String) manifest.get("uuid");
  }

  String name() {
    return (String) manifest.get("name");
  }

  String version() {
    return (String) manifest.get("version");
  }

  String owner() {
    return (String) manifest.get("owner");
  }

  String origin() {
    return (String) manifest.get("origin");
  }

  boolean isPublic() {
    return Boolean.TRUE.equals(manifest.get("public"));
  }

  /** Returns the generated file, or null for a seeded image (whose file is not stored). */
  ImageFile file() {
    return file;
  }

  boolean visibleTo(String accountUuid) {
    if (accountUuid.equals(owner())) {
      return true;
    }
    if (isPublic()) {
      return true;
    }
    return manifest.get("acl") instanceof List<?> acl && acl.contains(accountUuid);
  }

  synchronized String state(Instant now) {
    if (readyAt == null) {
      Object s = manifest.get("state");
      return s == null ? "active" : s.toString();
    }
    if (now.isBefore(readyAt)) {
      return "creating";
    }
    return failure != null ? "failed" : "active";
  }

  /** Makes the creation job fail, if it is still running; returns false when it is too late. */
  synchronized boolean fail(String code, String message, Instant now) {
    if (!"creating".equals(state(now))) {
      return false;
    }
    failWhenDone(code, message);
    return true;
  }

  /** Decides, as the job starts, that it will end {@code failed} with this error. */
  synchronized void failWhenDone(String code, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    failure = error;
  }

  /** Returns the full IMGAPI manifest as of {@code now}. */
  synchronized Map<String, Object> manifest(Instant now) {
    Map<String, Object> m = new LinkedHashMap<>(manifest);
    String state = state(now);
    m.put("state", state);
    if (readyAt != null) {
      if (state.equals("active")) {
        m.put("published_at", Timestamps.format(readyAt));
      } else if (state.equals("failed")) {
        m.put("error", failure);
      }
    }
    return m;
  }

  /** Returns the image as CloudAPI shows it (lib/datasets.js translate) at this version. */
  synchronized Map<String, Object> cloudView(Instant now, ApiVersion version) {
    Map<String, Object> full = manifest(now);
    String state = (String) full.get("state");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", full.get("uuid"));
    m.put("name", full.get("name"));
    m.put("version", full.get("version"));
    m.put("os", full.get("os"));
    m.put("requirements", requirements(full.get("requirements")));
    m.put("type", type((String) full.get("type"), version));
    putIfPresent(m, full, "description");
    putIfPresent(m, full, "image_size");
    if (!state.equals("creating") && full.get("files") instanceof List<?> files) {
      List<Map<String, Object>> out = new ArrayList<>();
      for (Object f : files) {
        Map<?, ?> file = (Map<?, ?>) f;
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("compression", file.get("compression"));
        entry.put("sha1", file.get("sha1"));
        entry.put("size", file.get("size"));
        out.add(entry);
      }
      m.put("files", out);
    }
    putIfPresent(m, full, "tags");
    putIfPresent(m, full, "homepage");
    putIfPresent(m, full, "published_at");
    if (version.imageOwnership()) {
      m.put("owner", full.get("owner"));
      m.put("public", full.get("public"));
      m.put("state", state);
      putIfPresent(m, full, "eula");
      putIfPresent(m, full, "acl");
      putIfPresent(m, full, "origin");
      if (full.get("error") instanceof Map<?, ?> error) {
        Map<String, Object> e = new LinkedHashMap<>();
        Object code = error.get("code");
        e.put("code", CLOUD_ERROR_CODES.contains(code) ? code : "InternalError");
        e.put("message", error.get("message"));
        m.put("error", e);
      }
    }
    return m;
  }

  private static Map<String, Object> requirements(Object value) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> requirements) {
      requirements.forEach(
          (k, v) -> {
            if (CLOUD_REQUIREMENTS.contains(k)) {
              out.put((String) k, v);
            }
          });
    }
    return out;
  }

  private static String type(String type, ApiVersion version) {
    if (version.modernImageTypes() || type == null) {
      return type;
    }
    return switch (type) {
      case "zone-dataset" -> "smartmachine";
      case "zvol" -> "virtualmachine";
      default -> type;
    };
  }

  private static void putIfPresent(Map<String, Object> to, Map<String, Object> from, String key) {
    if (from.get(key) != null) {
      to.put(key, from.get(key));
    }
  }
}
