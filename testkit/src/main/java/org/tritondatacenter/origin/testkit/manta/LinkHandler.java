package org.tritondatacenter.origin.testkit.manta;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.tritondatacenter.origin.testkit.http.Exchange;

/**
 * PutSnapLink (apis.md §3.7): a second entry for an existing object's bytes, with the same etag.
 * With snaplinks off the simulator acts as mantav2, which refuses them.
 */
final class LinkHandler {
  private final MantaService manta;
  private final Access access;

  LinkHandler(MantaService manta, Access access) {
    this.manta = manta;
    this.access = access;
  }

  void handle(Exchange exchange) {
    MantaPath path = access.authorize(exchange, true);
    if (!manta.options.snaplinks()) {
      throw MantaErrors.snaplinksDisabled();
    }
    if (path.isRoot()) {
      throw MantaErrors.rootDirectory("PUT", path);
    }
    manta.namespace.checkWritable(path, "PUT");
    String location = exchange.header("Location");
    if (location == null || location.isBlank()) {
      throw MantaErrors.locationRequired();
    }
    MantaPath source = parseLocation(location);
    if (!source.inStorageArea() || source.isRoot() || !manta.ensureAccount(source.login())) {
      throw MantaErrors.sourceObjectNotFound(location);
    }
    Namespace.Node node = manta.namespace.get(source);
    if (node == null) {
      throw MantaErrors.sourceObjectNotFound(location);
    }
    if (!(node instanceof Namespace.Obj obj)) {
      throw MantaErrors.linkNotObject(location);
    }
    if (!source.login().equals(path.login())) {
      // The caller owns the link's path; reading another account's object is not granted.
      throw MantaErrors.authorizationFailed(path.login(), source);
    }
    ObjectMeta src = obj.meta();
    Conditions.check(exchange, src.etag(), src.mtime(), false);
    src.blob().retain();
    ObjectMeta link =
        new ObjectMeta(
            src.etag(),
            src.blob(),
            src.contentType(),
            manta.now(),
            src.durability(),
            src.headers());
    try {
      manta.namespace.putObject(path, link, "PUT");
    } catch (RuntimeException e) {
      src.blob().release();
      throw e;
    }
    exchange.responseHeader("Etag", src.etag());
    exchange.responseHeader("Last-Modified", MantaHeaders.httpDate(src.mtime()));
    exchange.sendEmpty(204);
  }

  private static MantaPath parseLocation(String location) {
    try {
      String rawPath = new URI(location.trim()).getRawPath();
      if (rawPath == null || !rawPath.startsWith("/")) {
        throw MantaErrors.invalidLink(location);
      }
      List<String> segments = new ArrayList<>();
      for (String part : rawPath.split("/")) {
        if (!part.isEmpty()) {
          segments.add(java.net.URLDecoder.decode(part.replace("+", "%2B"), "UTF-8"));
        }
      }
      return MantaPath.parse("/" + String.join("/", segments));
    } catch (URISyntaxException
        | IllegalArgumentException
        | java.io.UnsupportedEncodingException e) {
      throw MantaErrors.invalidLink(location);
    }
  }
}
