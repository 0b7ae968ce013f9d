package org.tritondatacenter.origin.testkit.manta;

import org.tritondatacenter.origin.testkit.http.Exchange;

/** DeleteObject and DeleteDirectory (apis.md §3.5). */
final class DeleteHandler {
  private final MantaService manta;
  private final Access access;

  DeleteHandler(MantaService manta, Access access) {
    this.manta = manta;
    this.access = access;
  }

  void handle(Exchange exchange) {
    MantaPath path = access.authorize(exchange, true);
    if (path.isRoot()) {
      throw MantaErrors.rootDirectory("DELETE", path);
    }
    Namespace.Node node = manta.namespace.get(path);
    if (node == null) {
      throw MantaErrors.resourceNotFound(path.path());
    }
    String etag = node instanceof Namespace.Obj obj ? obj.meta().etag() : null;
    Conditions.check(exchange, etag, node.mtime(), false);
    manta.namespace.delete(path);
    exchange.sendEmpty(204);
  }
}
