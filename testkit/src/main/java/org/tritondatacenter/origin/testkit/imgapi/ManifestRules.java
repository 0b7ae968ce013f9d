package org.tritondatacenter.origin.testkit.imgapi;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.tritondatacenter.origin.testkit.ImgapiMode;

/**
 * The field rules of an image manifest (apis.md §4.5, node-imgmanifest): required fields, value
 * types, name and version charsets and lengths, enumerations, and the {@code public} flag each
 * server mode demands. Lengths follow the code of node-imgmanifest rather than the older docs.
 */
final class ManifestRules {
  static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._/ -]+");
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._/+-]+");
  private static final Pattern PUBLISHED_AT =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z");
  private static final int MAX_NAME = 1024;
  private static final int MAX_VERSION = 512;
  private static final int MAX_DESCRIPTION = 10 * 1024;
  private static final int MAX_URL = 1024;
  static final Set<String> TYPES =
      Set.of("zone-dataset", "lx-dataset", "zvol", "docker", "lxd", "other");
  static final Set<String> OSES = Set.of("smartos", "linux", "windows", "bsd", "illumos", "other");

  private final ImgapiMode mode;
  private final List<Map<String, Object>> errors = new ArrayList<>();

  private ManifestRules(ImgapiMode mode) {
    this.mode = mode;
  }

  /**
   * Checks every field and returns IMGAPI's {@code errors} entries, empty when the manifest is
   * valid.
   */
  static List<Map<String, Object>> check(
      ImgapiMode mode, Map<String, Object> fields, String publishedAt) {
    ManifestRules rules = new ManifestRules(mode);
    rules.checkAll(fields, publishedAt);
    return rules.errors;
  }

  private void checkAll(Map<String, Object> f, String publishedAt) {
    Object v = f.get("v");
    if (v == null) {
      missing("v");
    } else if (!(v instanceof Number n) || n.doubleValue() < 0) {
      invalid("v", "\"v\" must be a positive integer");
    }
    uuid(f, "owner", true);
    text(f, "name", true, MAX_NAME, NAME, "letters, digits, ' ', '.', '-', '_' and '/'");
    text(f, "version", true, MAX_VERSION, VERSION, "letters, digits, '.', '-', '_', '/' and '+'");
    text(f, "description", false, MAX_DESCRIPTION, null, null);
    url(f, "homepage");
    url(f, "eula");
    if (publishedAt != null && !PUBLISHED_AT.matcher(publishedAt).matches()) {
      invalid("published_at", "must be an ISO 8601 date like 2024-01-31T12:00:00.000Z");
    }
    publicFlag(f.get("public"));
    bool(f, "disabled");
    oneOf(f, "type", TYPES);
    oneOf(f, "os", OSES);
    uuid(f, "origin", false);
    if (f.get("acl") != null && !isListOf(f.get("acl"), UUID)) {
      invalid("acl", "must be an array of account UUIDs");
    }
    object(f, "requirements");
    if (f.get("users") != null && !isUserList(f.get("users"))) {
      invalid("users", "must be an array of objects with a \"name\"");
    }
    if (f.get("billing_tags") != null && !isListOf(f.get("billing_tags"), null)) {
      invalid("billing_tags", "must be an array of strings");
    }
    object(f, "traits");
    object(f, "tags");
    bool(f, "generate_passwords");
    if (f.get("inherited_directories") != null && !isListOf(f.get("inherited_directories"), null)) {
      invalid("inherited_directories", "must be an array of paths");
    }
    if (Boolean.TRUE.equals(f.get("icon"))) {
      invalid("icon", "an icon cannot be given in a manifest");
    }
    if ("zvol".equals(f.get("type"))) {
      for (String field : List.of("nic_driver", "disk_driver", "cpu_type")) {
        text(f, field, true, MAX_URL, null, null);
      }
      if (f.get("image_size") == null) {
        missing("image_size");
      } else if (!(f.get("image_size") instanceof Number)) {
        invalid("image_size", "must be a number of MiB");
      }
    }
  }

  private void publicFlag(Object value) {
    if (!(value instanceof Boolean flag)) {
      invalid("public", "must be a boolean");
    } else if (mode == ImgapiMode.PRIVATE && flag) {
      invalid("public", "images on a private-mode server must have \"public\": false");
    } else if (mode == ImgapiMode.PUBLIC && !flag) {
      invalid("public", "images on a public-mode server must have \"public\": true");
    }
  }

  private void text(
      Map<String, Object> f,
      String field,
      boolean required,
      int max,
      Pattern charset,
      String allowed) {
    Object value = f.get(field);
    if (value == null) {
      if (required) {
        missing(field);
      }
    } else if (!(value instanceof String s)) {
      invalid(field, "must be a string");
    } else if (s.length() > max) {
      invalid(field, field + " is too long, max " + max + " characters");
    } else if (charset != null && !charset.matcher(s).matches()) {
      invalid(field, field + " has invalid characters (only " + allowed + " are allowed)");
    }
  }

  private void url(Map<String, Object> f, String field) {
    Object value = f.get(field);
    if (value == null) {
      return;
    }
    if (!(value instanceof String s) || s.length() > MAX_URL || !isHttpUrl(s)) {
      invalid(field, "must be an http or https URL of at most " + MAX_URL + " characters");
    }
  }

  private static boolean isHttpUrl(String s) {
    try {
      URI uri = new URI(s);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private void uuid(Map<String, Object> f, String field, boolean required) {
    Object value = f.get(field);
    if (value == null) {
      if (required) {
        missing(field);
      }
    } else if (!(value instanceof String s) || !UUID.matcher(s).matches()) {
      invalid(field, "must be a lowercase UUID");
    }
  }

  private void oneOf(Map<String, Object> f, String field, Set<String> allowed) {
    Object value = f.get(field);
    if (value == null) {
      missing(field);
    } else if (!allowed.contains(value)) {
      invalid(field, "must be one of " + String.join(", ", new TreeSet<>(allowed)));
    }
  }

  private void bool(Map<String, Object> f, String field) {
    if (f.get(field) != null && !(f.get(field) instanceof Boolean)) {
      invalid(field, "must be a boolean");
    }
  }

  private void object(Map<String, Object> f, String field) {
    if (f.get(field) != null && !(f.get(field) instanceof Map)) {
      invalid(field, "must be an object");
    }
  }

  private static boolean isListOf(Object value, Pattern pattern) {
    if (!(value instanceof List<?> list)) {
      return false;
    }
    for (Object item : list) {
      if (!(item instanceof String s) || (pattern != null && !pattern.matcher(s).matches())) {
        return false;
      }
    }
    return true;
  }

  private static boolean isUserList(Object value) {
    if (!(value instanceof List<?> list)) {
      return false;
    }
    return list.stream().allMatch(u -> u instanceof Map<?, ?> m && m.get("name") instanceof String);
  }

  private void missing(String field) {
    errors.add(Errors.fieldError(field, "MissingParameter", "\"" + field + "\" is required"));
  }

  private void invalid(String field, String message) {
    errors.add(Errors.fieldError(field, "Invalid", message));
  }
}
