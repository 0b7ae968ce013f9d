package org.tritondatacenter.origin.testkit.imgapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tritondatacenter.origin.testkit.http.ApiError;
import org.tritondatacenter.origin.testkit.http.Exchange;
import org.tritondatacenter.origin.testkit.http.Json;

/** Ping, ListChannels, GetImage and GetImageFile (apis.md §4.7). */
final class ReadEndpoints {
  private static final DateTimeFormatter RFC_1123 =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private final ImgapiService service;

  ReadEndpoints(ImgapiService service) {
    this.service = service;
  }

  /**
   * {@code GET /ping}: {@code pid} and {@code user} only for an authenticated caller, which is how
   * clients check their credentials. {@code ?error=<Code>} answers a sample of that error.
   */
  void ping(Exchange exchange) {
    String error = exchange.query("error");
    if (error != null) {
      throw sampleError(error);
    }
    Map<String, Object> pong = new LinkedHashMap<>();
    pong.put("ping", "pong");
    pong.put("version", ImgapiService.VERSION);
    pong.put("imgapi", true);
    if (exchange.principal() != null) {
      pong.put("pid", ProcessHandle.current().pid());
      pong.put("user", exchange.principal().account());
    }
    exchange.sendJson(200, pong);
  }

  private static ApiError sampleError(String name) {
    String code = name.isEmpty() ? "InternalError" : name.replaceFirst("Error$", "");
    Integer status = Errors.SAMPLE_STATUS.get(code);
    if (status == null) {
      return Errors.invalidParameter("unknown error: " + name, "error", "Invalid");
    }
    return new ApiError(status, code, "sample " + code + " error (from /ping?error=" + name + ")");
  }

  /** {@code GET /channels}: only mounted on a server with channels. */
  void listChannels(Exchange exchange) {
    exchange.sendJson(200, service.channels().describe());
  }

  /** {@code GET /images/:uuid}, honouring {@code If-None-Match} as restify's conditional check. */
  void getImage(Exchange exchange) {
    Image image = service.lookup(exchange, true);
    Map<String, Object> body =
        ImageJson.serialize(
            image,
            service.mode(),
            ApiVersion.withChannels(exchange),
            ImageJson.adminFields(exchange));
    String json = Json.write(body);
    String etag = ImageJson.sha1Hex(json);
    exchange.responseHeader("Etag", etag);
    if (etag.equals(unquote(exchange.header("If-None-Match")))) {
      exchange.sendEmpty(304);
      return;
    }
    exchange.sendBytes(200, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@code GET /images/:uuid/file}: no auth; streamed from disk with the file's SHA-1 as {@code
   * Etag} and its MD5 as {@code Content-MD5}.
   */
  void getImageFile(Exchange exchange) throws IOException {
    Image image = service.lookup(exchange, true);
    ImageFile file = image.file();
    if (file == null) {
      throw Errors.notFound("image \"" + image.uuid() + "\" has no file");
    }
    if (file.path() == null || !Files.exists(file.path())) {
      throw new ApiError(
          501,
          "NotAvailable",
          "the bytes of image "
              + image.uuid()
              + "'s file were not kept (storage mode DISCARD or a seeded origin image)");
    }
    if (file.sha1() != null) {
      exchange.responseHeader("Etag", file.sha1());
    }
    exchange.responseHeader("Last-Modified", RFC_1123.format(file.mtime()));
    if (file.md5Base64() != null) {
      exchange.responseHeader("Content-MD5", file.md5Base64());
    }
    if (file.sha1() != null && file.sha1().equals(unquote(exchange.header("If-None-Match")))) {
      exchange.sendEmpty(304);
      return;
    }
    try (InputStream in = Files.newInputStream(file.path());
        OutputStream out = exchange.openBody(200, "application/octet-stream", file.size())) {
      in.transferTo(out);
    }
  }

  private static String unquote(String value) {
    if (value != null && value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }
}
