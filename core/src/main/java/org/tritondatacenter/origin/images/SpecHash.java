package org.tritondatacenter.origin.images;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes the {@code triton-origin.spec} tag: a SHA-256 over a canonical JSON form of one entry,
 * so a run can tell that an identical image is already published and skip it.
 *
 * <p>The canonical form sorts keys, writes protoMinMemoryMb as a number whatever form the file
 * used, fills absent optional fields with their defaults and sorts the package list (install order
 * does not change the result). Everything else that shapes the image, such as the origin UUID, a
 * script line or a tag, changes the hash.
 */
public final class SpecHash {
  /** Bumped whenever the canonical form changes, so old hashes never match new ones by chance. */
  static final int CANONICAL_VERSION = 1;

  private static final ObjectMapper CANONICAL =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private SpecHash() {}

  /** Returns the lower-case hex SHA-256 of the entry's canonical JSON. */
  public static String of(ImageSpec spec) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalJson(spec));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  static byte[] canonicalJson(ImageSpec spec) {
    Map<String, Object> origin = new TreeMap<>();
    origin.put("uuid", spec.origin().uuid());
    origin.put("name", spec.origin().name());
    origin.put("version", spec.origin().version());

    Map<String, Object> tags = new TreeMap<>();
    spec.tags().forEach((k, v) -> tags.put(k, v instanceof Number n ? canonicalNumber(n) : v));

    Map<String, Object> m = new TreeMap<>();
    m.put("v", CANONICAL_VERSION);
    m.put("namePrefix", spec.namePrefix());
    m.put("desc", spec.description());
    m.put("origin", origin);
    m.put("pkgsrc", spec.pkgsrc().stream().sorted().toList());
    m.put("protoMinMemoryMb", spec.protoMinMemoryMb());
    if (spec.packageName() != null) {
      m.put("package", spec.packageName());
    }
    m.put("networks", List.copyOf(spec.networks()));
    m.put("upgrade", spec.upgrade());
    m.put("audit", spec.audit());
    m.put("script", List.copyOf(spec.script()));
    m.put("tags", tags);
    m.put("metadata", new TreeMap<>(spec.metadata()));
    if (spec.homepage() != null) {
      m.put("homepage", spec.homepage());
    }
    try {
      return CANONICAL.writeValueAsBytes(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plain maps, lists and scalars always serialise", e);
    }
  }

  /** Writes 1, 1.0 and 1.00 alike, and 1.50 as 1.5. */
  private static Object canonicalNumber(Number n) {
    BigDecimal d =
        n instanceof BigDecimal b
            ? b
            : n instanceof BigInteger i ? new BigDecimal(i) : new BigDecimal(n.toString());
    BigDecimal stripped = d.stripTrailingZeros();
    if (stripped.scale() <= 0) {
      return stripped.toBigIntegerExact();
    }
    return stripped;
  }
}
