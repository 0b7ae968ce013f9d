package org.tritondatacenter.origin.testkit.manta;

import org.tritondatacenter.origin.testkit.http.Exchange;

/**
 * PutMetadata ({@code PUT <path>?metadata=true}, apis.md §3.8): replaces the stored headers without
 * touching the bytes. Handled so that {@code mchattr} updates an object instead of overwriting it
 * with an empty body.
 */
final class MetadataHandler {
  private final MantaService manta;
  private final Access access;

  MetadataHandler(MantaService manta, Access access) {
    this.manta = manta;
    this.access = access;
  }

  static boolean isMetadataUpdate(Exchange exchange) {
    String value = exchange.query("metadata");
    return value != null && !value.equals("false");
  }

  void handle(Exchange exchange) {
    MantaPath path = access.authorize(exchange, true);
    if (path.isRoot()) {
      throw MantaErrors.rootDirectory("PUT", path);
    }
    if (exchange.contentLength() > 0) {
      throw MantaErrors.invalidUpdate("content-length");
    }
    for (String fixed : new String[] {"content-md5", "durability-level"}) {
      if (exchange.header(fixed) != null) {
        throw MantaErrors.invalidUpdate(fixed);
      }
    }
    if (manta.namespace.get(path) instanceof Namespace.Dir) {
      manta.namespace.replaceDirHeaders(path, MantaHeaders.userHeaders(exchange));
    } else {
      String type = exchange.header("Content-Type");
      boolean updated =
          manta.namespace.updateMeta(
              path,
              meta -> {
                Conditions.check(exchange, meta.etag(), meta.mtime(), false);
                return meta.withHeaders(
                    type == null ? meta.contentType() : type,
                    MantaHeaders.userHeaders(exchange),
                    manta.now());
              });
      if (!updated) {
        throw MantaErrors.resourceNotFound(path.path());
      }
    }
    exchange.sendEmpty(204);
  }
}
