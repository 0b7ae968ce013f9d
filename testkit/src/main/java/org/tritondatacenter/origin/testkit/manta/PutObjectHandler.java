package org.tritondatacenter.origin.testkit.manta;

import java.io.IOException;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import org.tritondatacenter.origin.testkit.http.Exchange;

/**
 * PutObject (apis.md §3.3).
 *
 * <p>Every refusal is decided before the first byte of the body is read: Jetty sends {@code 100
 * Continue} only when the body is read, so a client that asked for it (node's {@code mput} always
 * does) gets the error instead and keeps its file stream for the retry {@code mput -p} makes after
 * creating the missing directories.
 */
final class PutObjectHandler {
  private final MantaService manta;
  private final Access access;

  PutObjectHandler(MantaService manta, Access access) {
    this.manta = manta;
    this.access = access;
  }

  /** The upload parameters taken from the headers. */
  private record Args(long limit, int copies, String contentMd5) {}

  void handle(Exchange exchange) throws IOException {
    MantaPath path = access.authorize(exchange, true);
    if (path.isRoot()) {
      throw MantaErrors.rootDirectory("PUT", path);
    }
    Args args = parseArgs(exchange);
    ObjectMeta existing = manta.namespace.checkWritable(path, "PUT");
    Conditions.check(
        exchange,
        existing == null ? null : existing.etag(),
        existing == null ? null : existing.mtime(),
        false);

    // Only now is the body read, and 100 Continue sent.
    boolean trustClient = manta.options.benchMode() && args.contentMd5() != null;
    BlobStore.Received received = manta.blobs.receive(exchange.body(), args.limit(), !trustClient);
    try {
      String md5 = trustClient ? args.contentMd5() : received.md5Base64();
      if (args.contentMd5() != null && !trustClient && !sameMd5(args.contentMd5(), received)) {
        throw MantaErrors.contentMd5Mismatch(args.contentMd5(), md5);
      }
      ObjectMeta meta =
          new ObjectMeta(
              UUID.randomUUID().toString(),
              manta.blobs.commit(received, md5),
              contentType(exchange),
              manta.now(),
              args.copies(),
              MantaHeaders.userHeaders(exchange));
      try {
        manta.namespace.putObject(path, meta, "PUT");
      } catch (RuntimeException e) {
        meta.blob().release();
        throw e;
      }
      exchange.responseHeader("Etag", meta.etag());
      exchange.responseHeader("Last-Modified", MantaHeaders.httpDate(meta.mtime()));
      MantaHeaders.md5Header(exchange, "Computed-MD5", md5);
      exchange.sendEmpty(204);
    } finally {
      received.discard();
    }
  }

  private Args parseArgs(Exchange exchange) {
    long max = manta.options.maxObjectBytes();
    long declared = exchange.contentLength();
    String maxHeader = exchange.header("Max-Content-Length");
    if (maxHeader != null) {
      long requested = parseLong(maxHeader);
      if (requested < 0) {
        throw MantaErrors.invalidMaxContentLength(maxHeader);
      }
      // The client may lower the limit for its upload, never raise it past the server's.
      max = Math.min(max, requested);
    }
    if (declared < 0 && !chunked(exchange)) {
      throw MantaErrors.contentLengthRequired();
    }
    if (declared > max) {
      throw MantaErrors.maxContentLengthExceeded(max);
    }
    String contentMd5 = exchange.header("Content-MD5");
    if (contentMd5 != null && !isMd5(contentMd5)) {
      throw MantaErrors.invalidContentMd5(contentMd5);
    }
    return new Args(max, copies(exchange), contentMd5);
  }

  /** Reads {@code durability-level} or {@code x-durability-level}; 2 copies by default. */
  static int copies(Exchange exchange) {
    String value = exchange.header("Durability-Level");
    if (value == null) {
      value = exchange.header("x-durability-level");
    }
    if (value == null) {
      return MantaService.DEFAULT_COPIES;
    }
    long copies = parseLong(value);
    if (copies < MantaService.MIN_COPIES || copies > MantaService.MAX_COPIES) {
      throw MantaErrors.invalidDurabilityLevel(MantaService.MIN_COPIES, MantaService.MAX_COPIES);
    }
    return (int) copies;
  }

  static String contentType(Exchange exchange) {
    String type = exchange.header("Content-Type");
    return type == null || type.isBlank() ? MantaHeaders.DEFAULT_OBJECT_TYPE : type;
  }

  private static boolean chunked(Exchange exchange) {
    String te = exchange.header("Transfer-Encoding");
    return te != null && te.toLowerCase(Locale.ROOT).contains("chunked");
  }

  private static boolean sameMd5(String expected, BlobStore.Received received) {
    return java.util.Arrays.equals(Base64.getDecoder().decode(expected.trim()), received.md5());
  }

  private static boolean isMd5(String value) {
    try {
      return Base64.getDecoder().decode(value.trim()).length == 16;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Parses a whole number; anything else gives -1, which every caller refuses. */
  private static long parseLong(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
