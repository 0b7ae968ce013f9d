package org.tritondatacenter.origin.testkit.imgapi;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tritondatacenter.origin.testkit.http.ApiError;
import org.tritondatacenter.origin.testkit.http.Exchange;

/**
 * AddImageFile ({@code PUT /images/:uuid/file}) and AddImageFileFromUrl ({@code POST
 * /images/:uuid/file/from-url}), apis.md §4.7.
 *
 * <p>Every refusal that needs no body (unknown image, activated image, missing {@code compression},
 * a {@code Content-Length} over the limit) is answered before the body is read, so a client that
 * sent {@code Expect: 100-continue} never streams its file for nothing. The bytes then go through
 * SHA-1 and MD5 into a temporary file, which replaces the image's file only after the size and
 * {@code sha1} checks pass. An injected checksum fault changes only the answer.
 *
 * <p>From a URL, plain {@code http:} is accepted unless the local Triton serves TLS; the real
 * IMGAPI accepts {@code https:} only, and so does this one with TLS on.
 */
final class FileEndpoints {
  private static final List<String> COMPRESSIONS = List.of("gzip", "bzip2", "xz", "none");

  private final ImgapiService service;
  private final UrlFetcher fetcher;

  FileEndpoints(ImgapiService service, UrlFetcher fetcher) {
    this.service = service;
    this.fetcher = fetcher;
  }

  void addImageFile(Exchange exchange) throws IOException {
    String uuid = ImgapiService.validUuid(exchange);
    String channel = service.channels().resolve(exchange, false);
    checkMutable(service.catalog().find(uuid, channel));
    if (exchange.query("source") != null) {
      throw ApiError.badRequest(
          "NotImplemented",
          "AddImageFile with ?source= (copying from another IMGAPI) is not supported by the local"
              + " IMGAPI: send the file as the request body");
    }
    String compression = compression(exchange);
    checkStorage(exchange);
    long declared = exchange.contentLength();
    if (declared > service.maxFileBytes()) {
      throw Errors.upload(
          "image file size "
              + declared
              + " (from Content-Length) exceeds the maximum allowed size, "
              + ImageFiles.describeSize(service.maxFileBytes()));
    }
    ImageFiles.Received received;
    try {
      received = service.files().receive(uuid, exchange.body(), service.maxFileBytes());
    } catch (IOException e) {
      if (declared > 0 && exchange.bytesRead() < declared) {
        // The client stopped before sending what it announced.
        throw sizeMismatch(declared, exchange.bytesRead());
      }
      throw e;
    }
    finish(exchange, uuid, channel, received, declared, compression);
  }

  void addImageFileFromUrl(Exchange exchange) {
    String uuid = ImgapiService.validUuid(exchange);
    String channel = service.channels().resolve(exchange, false);
    checkMutable(service.catalog().find(uuid, channel));
    String compression = compression(exchange);
    URI url = fileUrl(exchange.jsonBody());
    checkStorage(exchange);
    ImageFiles.Received received =
        fetcher.fetch(url, body -> service.files().receive(uuid, body, service.maxFileBytes()));
    finish(exchange, uuid, channel, received, -1, compression);
  }

  private void finish(
      Exchange exchange,
      String uuid,
      String channel,
      ImageFiles.Received received,
      long declared,
      String compression) {
    boolean installed = false;
    try {
      if (received.size() == 0) {
        throw Errors.download("image file size is 0 bytes, empty files are not allowed");
      }
      if (declared >= 0 && received.size() != declared) {
        throw sizeMismatch(declared, received.size());
      }
      String claimed = exchange.query("sha1");
      // Bench mode: the server did not digest the bytes and takes the client's word for them.
      String sha1 = service.files().hashes() ? received.sha1() : claimed;
      if (claimed != null && !claimed.equals(sha1)) {
        throw Errors.download(
            "\"sha1\" hash, "
                + claimed
                + ", does not match the uploaded file sha1 hash, "
                + received.sha1());
      }
      String datasetGuid = exchange.query("dataset_guid");
      Image image =
          service
              .catalog()
              .update(
                  uuid,
                  channel,
                  current -> {
                    if (current.activated()) {
                      throw ApiError.unprocessable(
                          "ImageAlreadyActivated", "image \"" + uuid + "\" is already activated");
                    }
                    Path path = service.files().install(uuid, received);
                    return current.withFile(
                        new ImageFile(
                            sha1,
                            received.md5Base64(),
                            received.size(),
                            compression,
                            datasetGuid,
                            path,
                            service.context().wallNow(exchange.kind())));
                  });
      installed = true;
      ImageJson.sendWithChecksumFault(exchange, service.mode(), image, exchange.checksumFault());
    } finally {
      if (!installed) {
        service.files().discard(received);
      }
    }
  }

  private static void checkMutable(Image image) {
    if (image.activated()) {
      throw ApiError.unprocessable(
          "ImageFilesImmutable", "cannot modify files on activated image " + image.uuid());
    }
  }

  private static String compression(Exchange exchange) {
    String compression = exchange.query("compression");
    if (compression == null || compression.isEmpty()) {
      throw Errors.invalidParameter(
          "missing \"compression\" (use one of " + String.join(", ", COMPRESSIONS) + ")",
          "compression",
          "Missing");
    }
    if (!COMPRESSIONS.contains(compression)) {
      throw Errors.invalidParameter(
          "invalid compression \""
              + compression
              + "\" (must be one of "
              + String.join(", ", COMPRESSIONS)
              + ")",
          "compression",
          "Invalid");
    }
    return compression;
  }

  /**
   * The {@code storage} parameter: only {@code local} or {@code manta}; both store locally here.
   */
  private static void checkStorage(Exchange exchange) {
    String storage = exchange.query("storage");
    if (storage != null && !storage.equals("local") && !storage.equals("manta")) {
      throw Errors.invalidParameter(
          "invalid storage \"" + storage + "\" (must be one of local, manta)",
          "storage",
          "Invalid");
    }
  }

  private URI fileUrl(Map<String, Object> body) {
    Object value = body.get("file_url");
    if (value == null) {
      throw Errors.invalidParameter(
          "missing \"file_url\" field from request body", "file_url", "Missing");
    }
    URI url;
    try {
      url = new URI(String.valueOf(value));
    } catch (URISyntaxException e) {
      throw Errors.invalidParameter("invalid \"file_url\": " + value, "file_url", "Invalid");
    }
    boolean https = "https".equals(url.getScheme());
    boolean http = "http".equals(url.getScheme()) && !service.tls();
    if (!(https || http) || url.getHost() == null) {
      throw Errors.invalidParameter(
          service.tls()
              ? "Only URLs using the https: scheme are supported"
              : "Only URLs using the http: or https: scheme are supported (https: only with TLS)",
          "file_url",
          "Invalid");
    }
    return url;
  }

  private static ApiError sizeMismatch(long declared, long received) {
    return Errors.download(
        "\"Content-Length\" header, " + declared + ", does not match uploaded size, " + received);
  }
}
