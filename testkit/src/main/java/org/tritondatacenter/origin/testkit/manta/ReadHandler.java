package org.tritondatacenter.origin.testkit.manta;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import org.tritondatacenter.origin.testkit.http.Exchange;

/**
 * GetObject and HEAD (apis.md §3.4), which hand directories to the listing. Bodies stream from
 * disk, or from the generator for synthetic objects.
 */
final class ReadHandler {
  private final MantaService manta;
  private final Access access;
  private final DirectoryHandler directories;

  ReadHandler(MantaService manta, Access access, DirectoryHandler directories) {
    this.manta = manta;
    this.access = access;
    this.directories = directories;
  }

  void handle(Exchange exchange) throws IOException {
    MantaPath path = access.authorize(exchange, false);
    Namespace.Node node = manta.namespace.get(path);
    if (node instanceof Namespace.Dir dir) {
      directories.list(exchange, path, dir);
      return;
    }
    ObjectMeta meta = manta.namespace.retain(path);
    if (meta == null) {
      throw MantaErrors.resourceNotFound(path.path());
    }
    try {
      serve(exchange, path, meta);
    } finally {
      meta.blob().release();
    }
  }

  private void serve(Exchange exchange, MantaPath path, ObjectMeta meta) throws IOException {
    if (!accepts(exchange.header("Accept"), meta.contentType())) {
      throw MantaErrors.notAcceptable(path, meta.contentType());
    }
    boolean notModified = Conditions.check(exchange, meta.etag(), meta.mtime(), true);
    exchange.responseHeader("Etag", meta.etag());
    exchange.responseHeader("Last-Modified", MantaHeaders.httpDate(meta.mtime()));
    if (notModified) {
      exchange.sendEmpty(304);
      return;
    }
    meta.headers().forEach(exchange::responseHeader);
    exchange.responseHeader("Durability-Level", Integer.toString(meta.reportedDurability()));
    boolean head = "HEAD".equals(exchange.method());
    String rangeHeader = exchange.header("Range");
    if (head || meta.size() == 0 || rangeHeader == null) {
      whole(exchange, path, meta, head);
      return;
    }
    if (rangeHeader.indexOf(',') >= 0) {
      throw MantaErrors.notImplemented("multi-range requests not supported");
    }
    ByteRange range = ByteRange.parse(rangeHeader, meta.size());
    if (range == null) {
      whole(exchange, path, meta, false);
      return;
    }
    if (range == ByteRange.UNSATISFIABLE) {
      throw MantaErrors.rangeNotSatisfiable(manta.mantav2(), rangeHeader, meta.size());
    }
    requireBytes(path, meta);
    // A ranged answer carries Content-Range but no Content-MD5, as muskie's does.
    exchange.responseHeader("Content-Range", range.contentRange(meta.size()));
    stream(exchange, meta, 206, range.first(), range.length());
  }

  private void whole(Exchange exchange, MantaPath path, ObjectMeta meta, boolean head)
      throws IOException {
    MantaHeaders.md5Header(exchange, "Content-MD5", meta.md5());
    if (head) {
      exchange.openBody(200, meta.contentType(), meta.size()).close();
      return;
    }
    requireBytes(path, meta);
    exchange.responseHeader("Accept-Ranges", "bytes");
    stream(exchange, meta, 200, 0, meta.size());
  }

  private static void requireBytes(MantaPath path, ObjectMeta meta) {
    if (!meta.blob().readable()) {
      throw MantaErrors.discarded(path);
    }
  }

  private static void stream(Exchange exchange, ObjectMeta meta, int status, long from, long n)
      throws IOException {
    try (InputStream in = meta.blob().open(from, n);
        OutputStream out = exchange.openBody(status, meta.contentType(), n)) {
      in.transferTo(out);
    }
  }

  /** Returns true when the {@code Accept} header admits the stored type (absent admits all). */
  static boolean accepts(String accept, String type) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    String wanted = mediaType(type);
    for (String range : accept.split(",")) {
      String r = mediaType(range);
      if (r.equals("*/*") || r.equals(wanted)) {
        return true;
      }
      if (r.endsWith("/*") && wanted.startsWith(r.substring(0, r.length() - 1))) {
        return true;
      }
    }
    return false;
  }

  private static String mediaType(String value) {
    int semi = value.indexOf(';');
    return (semi < 0 ? value : value.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }
}
