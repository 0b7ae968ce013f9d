package org.tritondatacenter.origin.it;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.tritondatacenter.origin.http.Json;
import org.tritondatacenter.origin.imgapi.ImageManifest;

/** Image manifests shaped like the ones a build exports, and file bytes to go with them. */
final class Manifests {
  static final String NAME = "triton-origin-x86_64-24.4.1";

  private Manifests() {}

  /**
   * Returns a manifest of a new image on the seeded origin, for a server in private mode ({@code
   * isPublic} false) or public mode.
   *
   * @param publishedAt an ISO 8601 {@code published_at} the import keeps, or null for activation
   *     time
   */
  static ImageManifest manifest(
      String version, String origin, boolean isPublic, String publishedAt) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("v", 2);
    m.put("uuid", UUID.randomUUID().toString());
    m.put("owner", ImageManifest.ZERO_UUID);
    m.put("name", NAME);
    m.put("version", version);
    m.put("description", "Triton/Manta component origin image, built by an integration test");
    m.put("public", isPublic);
    if (publishedAt != null) {
      m.put("published_at", publishedAt);
    }
    m.put("type", "zone-dataset");
    m.put("os", "smartos");
    m.put("origin", origin);
    m.put("requirements", Map.of("min_platform", Map.of("7.0", "20250101T000000Z")));
    m.put("tags", Map.of("triton-origin.build", "it-" + version));
    return ImageManifest.fromTree(Json.mapper().valueToTree(m));
  }

  /** Returns a private-mode manifest on the seeded origin, published at activation. */
  static ImageManifest manifest(String version) {
    return manifest(version, Machines.origin(), false, null);
  }

  static String sha1Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
