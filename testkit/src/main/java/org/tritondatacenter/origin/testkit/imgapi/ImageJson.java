package org.tritondatacenter.origin.testkit.imgapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tritondatacenter.origin.testkit.ImgapiMode;
import org.tritondatacenter.origin.testkit.http.Exchange;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.Json;

/**
 * The API view of an image, field for field in the order IMGAPI's {@code serialize} writes it:
 * {@code channels} only for API version 2, {@code billing_tags} and {@code traits} never on a
 * public-mode server, {@code files[].stor} only with {@code inclAdminFields}.
 */
final class ImageJson {
  private static final List<String> OPTIONAL_FIELDS =
      List.of(
          "description",
          "homepage",
          "eula",
          "urn",
          "requirements",
          "users",
          "generate_passwords",
          "inherited_directories",
          "origin",
          "nic_driver",
          "disk_driver",
          "cpu_type",
          "image_size",
          "tags");

  private ImageJson() {}

  /** Serialises an image for an answer. */
  static Map<String, Object> serialize(
      Image image, ImgapiMode mode, boolean withChannels, boolean adminFields) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("v", image.field("v"));
    out.put("uuid", image.uuid());
    out.put("owner", image.field("owner"));
    out.put("name", image.field("name"));
    out.put("version", image.field("version"));
    out.put("state", image.state());
    out.put("disabled", image.disabled());
    out.put("public", image.field("public"));
    if (image.publishedAt() != null) {
      out.put("published_at", image.publishedAt());
    }
    out.put("type", image.field("type"));
    out.put("os", image.field("os"));
    out.put("files", files(image.file(), adminFields));
    Object acl = image.field("acl");
    if (acl instanceof Collection<?> c && !c.isEmpty()) {
      out.put("acl", acl);
    }
    for (String name : OPTIONAL_FIELDS) {
      Object value = image.field(name);
      if (value != null) {
        out.put(name, value);
      }
    }
    if (mode != ImgapiMode.PUBLIC) {
      if (image.field("billing_tags") instanceof Collection<?> c && !c.isEmpty()) {
        out.put("billing_tags", c);
      }
      if (image.field("traits") instanceof Map<?, ?> m && !m.isEmpty()) {
        out.put("traits", m);
      }
    }
    if (withChannels && mode == ImgapiMode.PRIVATE) {
      out.put("channels", image.channels());
    }
    out.values().removeIf(Objects::isNull);
    return out;
  }

  private static List<Map<String, Object>> files(ImageFile file, boolean adminFields) {
    List<Map<String, Object>> files = new ArrayList<>();
    if (file != null) {
      Map<String, Object> f = new LinkedHashMap<>();
      if (file.sha1() != null) {
        f.put("sha1", file.sha1());
      }
      f.put("size", file.size());
      f.put("compression", file.compression());
      if (file.datasetGuid() != null) {
        f.put("dataset_guid", file.datasetGuid());
      }
      if (adminFields) {
        f.put("stor", "local");
      }
      files.add(f);
    }
    return files;
  }

  /**
   * Answers 200 with the image, its {@code Etag} (SHA-1 of the JSON), as the request's API version
   * wants it.
   */
  static void send(Exchange exchange, ImgapiMode mode, Image image) {
    sendWithChecksumFault(exchange, mode, image, Fault.Checksum.NONE);
  }

  /**
   * Answers like {@link #send}, but leaves out or misstates {@code files[0].sha1} as an injected
   * checksum fault asks (the stored image keeps the true value).
   */
  static void sendWithChecksumFault(
      Exchange exchange, ImgapiMode mode, Image image, Fault.Checksum checksum) {
    // Answers to changes never carry admin fields, as in IMGAPI; parsing inclAdminFields here
    // could also fail after the change was made.
    Map<String, Object> body = serialize(image, mode, ApiVersion.withChannels(exchange), false);
    if (checksum != Fault.Checksum.NONE && image.file() != null) {
      @SuppressWarnings("unchecked")
      Map<String, Object> file = ((List<Map<String, Object>>) body.get("files")).get(0);
      if (checksum == Fault.Checksum.OMIT) {
        file.remove("sha1");
      } else {
        file.put("sha1", wrongSha1(image.file().sha1()));
      }
    }
    String json = Json.write(body);
    exchange.responseHeader("Etag", sha1Hex(json));
    exchange.sendBytes(200, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns the {@code inclAdminFields} flag; only authenticated callers may set it. */
  static boolean adminFields(Exchange exchange) {
    boolean wanted = Errors.boolParam(exchange.query("inclAdminFields"), false, "inclAdminFields");
    if (wanted && exchange.principal() == null) {
      throw Errors.unauthorized(
          "Unauthorized (auth required to use \"inclAdminFields\" parameter)");
    }
    return wanted;
  }

  /** Returns a different, well-formed SHA-1: the true one with its last hex digit changed. */
  static String wrongSha1(String sha1) {
    if (sha1 == null || sha1.isEmpty()) {
      return "0000000000000000000000000000000000000000";
    }
    char last = sha1.charAt(sha1.length() - 1);
    return sha1.substring(0, sha1.length() - 1) + (last == '0' ? '1' : '0');
  }

  static String sha1Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-1");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from this JVM", e);
    }
  }
}
