package org.tritondatacenter.origin.testkit.imgapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tritondatacenter.origin.testkit.ImgapiMode;
import org.tritondatacenter.origin.testkit.http.ApiError;

/**
 * Turns a manifest body into image fields the way IMGAPI's {@code Image.create} does (apis.md
 * §4.5): recognised fields are taken, {@code files} and {@code state} are dropped silently, {@code
 * channels} is replaced by the server, and any other top-level field is refused with 422 {@code
 * InvalidParameter} "invalid extra parameters". The fields are then checked by {@link
 * ManifestRules}, and a failure is 422 {@code ValidationFailed} listing every bad field.
 */
final class ManifestValidator {
  static final String ZERO_OWNER = "00000000-0000-0000-0000-000000000000";

  /** Fields taken from any manifest, in the order they are kept. */
  private static final List<String> RECOGNISED =
      List.of(
          "v",
          "owner",
          "name",
          "version",
          "description",
          "homepage",
          "eula",
          "icon",
          "type",
          "os",
          "origin",
          "public",
          "acl",
          "error",
          "requirements",
          "users",
          "billing_tags",
          "traits",
          "tags",
          "generate_passwords",
          "inherited_directories");

  /** Fields IMGAPI takes only from {@code zvol} manifests; elsewhere they are "extra". */
  private static final List<String> ZVOL_ONLY =
      List.of("nic_driver", "disk_driver", "cpu_type", "image_size");

  /** Why a manifest is being accepted, which decides the uuid and extra-field rules. */
  enum Purpose {
    /** AdminImportImage: the manifest keeps its uuid, published_at and urn. */
    IMPORT,
    /** CreateImage: the server assigns the uuid. */
    CREATE,
    /** An operator seeding origin images: lenient, unknown fields are dropped. */
    SEED
  }

  /**
   * A manifest accepted as image fields.
   *
   * @param fields the manifest fields to store
   * @param disabled the {@code disabled} flag given in the manifest
   * @param publishedAt the {@code published_at} kept from an import, or null
   */
  record Accepted(Map<String, Object> fields, boolean disabled, String publishedAt) {}

  private final ImgapiMode mode;

  ManifestValidator(ImgapiMode mode) {
    this.mode = mode;
  }

  /**
   * Accepts a manifest body.
   *
   * @throws ApiError 422 {@code InvalidParameter} for extra fields or a non-string {@code
   *     published_at}, 422 {@code ValidationFailed} for invalid fields
   */
  Accepted accept(Map<String, Object> body, Purpose purpose) {
    Map<String, Object> data = new LinkedHashMap<>(body);
    Map<String, Object> fields = new LinkedHashMap<>();
    for (String name : RECOGNISED) {
      Object value = data.remove(name);
      if (value != null) {
        fields.put(name, value);
      }
    }
    normalise(fields);
    Object disabled = data.remove("disabled");
    data.remove("channels");
    if ("zvol".equals(fields.get("type"))) {
      for (String name : ZVOL_ONLY) {
        Object value = data.remove(name);
        if (value != null) {
          fields.put(name, value);
        }
      }
    }
    String publishedAt = null;
    if (purpose != Purpose.CREATE) {
      data.remove("uuid");
      Object given = data.remove("published_at");
      if (given != null && !(given instanceof String)) {
        throw Errors.invalidParameter("invalid \"published_at\"", "published_at", "Invalid");
      }
      publishedAt = (String) given;
      Object urn = data.remove("urn");
      if (urn != null) {
        fields.put("urn", urn);
      }
    }
    data.remove("files");
    data.remove("state");
    if (!data.isEmpty() && purpose != Purpose.SEED) {
      throw extraParameters(new ArrayList<>(data.keySet()));
    }
    if (disabled != null && !(disabled instanceof Boolean)) {
      throw Errors.validationFailed(
          "invalid image data: disabled",
          List.of(Errors.fieldError("disabled", "Invalid", "must be a boolean")));
    }
    validate(fields, publishedAt);
    return new Accepted(fields, Boolean.TRUE.equals(disabled), publishedAt);
  }

  /**
   * Checks a complete set of image fields.
   *
   * @throws ApiError 422 {@code ValidationFailed} naming every invalid field
   */
  void validate(Map<String, Object> fields, String publishedAt) {
    List<Map<String, Object>> errors = ManifestRules.check(mode, fields, publishedAt);
    if (!errors.isEmpty()) {
      List<String> names = errors.stream().map(e -> String.valueOf(e.get("field"))).toList();
      throw Errors.validationFailed("invalid image data: " + String.join(", ", names), errors);
    }
  }

  /** Applies IMGAPI's lenient conversions: a single acl or billing tag becomes a list, etc. */
  static void normalise(Map<String, Object> fields) {
    if (fields.get("v") instanceof String s && s.matches("\\d{1,9}")) {
      fields.put("v", Integer.valueOf(s));
    }
    if (fields.get("acl") instanceof String s) {
      fields.put("acl", List.of(s));
    }
    if (fields.get("billing_tags") instanceof String s) {
      fields.put("billing_tags", List.of(s));
    }
    // IMGAPI stores `public: data.public || false`, so an absent flag means private.
    if (fields.get("public") == null || Boolean.FALSE.equals(fields.get("public"))) {
      fields.put("public", false);
    }
  }

  private static ApiError extraParameters(List<String> names) {
    List<Map<String, Object>> errors = new ArrayList<>();
    names.forEach(n -> errors.add(Errors.fieldError(n, "Invalid", "unsupported parameter")));
    return Errors.invalidParameter(
        "invalid extra parameters: \"" + String.join("\", \"", names) + "\"", errors);
  }
}
