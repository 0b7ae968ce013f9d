package org.tritondatacenter.origin.testkit.manta;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.tritondatacenter.origin.testkit.http.Exchange;
import org.tritondatacenter.origin.testkit.http.Json;

/** PutDirectory and ListDirectory (apis.md §3.2, §3.6), and HEAD on a directory. */
final class DirectoryHandler {
  static final int DEFAULT_LIMIT = 256;
  static final int MAX_LIMIT = 1024;

  /** The mtime muskie reports for an account's top-level directories ("Happy b-day Manta!"). */
  private static final Instant ROOT_MTIME = Instant.parse("2013-05-22T17:39:43.714Z");

  private final MantaService manta;
  private final Access access;

  DirectoryHandler(MantaService manta, Access access) {
    this.manta = manta;
    this.access = access;
  }

  void put(Exchange exchange) {
    MantaPath path = access.authorize(exchange, true);
    if (path.isRoot()) {
      throw MantaErrors.rootDirectory("PUT", path);
    }
    manta.namespace.mkdir(path, MantaHeaders.userHeaders(exchange), manta.now());
    exchange.sendEmpty(204);
  }

  /** Answers GET (a listing) or HEAD on a directory. */
  void list(Exchange exchange, MantaPath path, Namespace.Dir dir) throws IOException {
    List<Namespace.Node> children = manta.namespace.children(path);
    List<Namespace.Node> page;
    int total;
    if (path.isAccountRoot()) {
      // muskie lists the top-level directories itself; its marker there is exclusive.
      String marker = exchange.query("marker");
      page = new ArrayList<>(children);
      page.removeIf(n -> marker != null && name(n).compareTo(marker) <= 0);
      total = page.size();
    } else {
      total = children.size();
      page = "HEAD".equals(exchange.method()) ? List.of() : page(exchange, children);
    }
    exchange.responseHeader("Last-Modified", MantaHeaders.httpDate(dir.mtime()));
    Namespace.headersOf(dir).forEach(exchange::responseHeader);
    exchange.responseHeader("Result-Set-Size", Integer.toString(total));
    try (OutputStream out = exchange.openBody(200, MantaHeaders.LISTING_TYPE, -1)) {
      if ("HEAD".equals(exchange.method())) {
        return;
      }
      for (Namespace.Node node : page) {
        out.write(entry(node, path.isAccountRoot()).getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private List<Namespace.Node> page(Exchange exchange, List<Namespace.Node> children) {
    int limit = limit(exchange.query("limit"));
    boolean byMtime = "mtime".equals(exchange.query("sort"));
    // By name the order is ascending, by mtime newest first; sort_order=reverse flips either.
    boolean ascending = byMtime == "reverse".equals(exchange.query("sort_order"));
    Comparator<Namespace.Node> order =
        byMtime
            ? Comparator.comparing(Namespace.Node::mtime)
            : Comparator.comparing(DirectoryHandler::name);
    List<Namespace.Node> sorted = new ArrayList<>(typeFilter(exchange, children));
    sorted.sort(ascending ? order : order.reversed());
    String marker = exchange.query("marker");
    if (marker != null && !marker.isEmpty()) {
      // The marker is inclusive, as moray filters with >= (or <= when descending).
      Predicate<Namespace.Node> before =
          byMtime ? mtimeBefore(marker) : n -> name(n).compareTo(marker) < 0;
      Predicate<Namespace.Node> after =
          byMtime ? mtimeAfter(marker) : n -> name(n).compareTo(marker) > 0;
      sorted.removeIf(ascending ? before : after);
    }
    return sorted.subList(0, Math.min(limit, sorted.size()));
  }

  private static Predicate<Namespace.Node> mtimeBefore(String marker) {
    Instant at = parseMarker(marker);
    return n -> n.mtime().isBefore(at);
  }

  private static Predicate<Namespace.Node> mtimeAfter(String marker) {
    Instant at = parseMarker(marker);
    return n -> n.mtime().isAfter(at);
  }

  private static Instant parseMarker(String marker) {
    try {
      return Instant.parse(marker);
    } catch (java.time.format.DateTimeParseException e) {
      throw MantaErrors.invalidParameter("marker", marker);
    }
  }

  private static List<Namespace.Node> typeFilter(Exchange exchange, List<Namespace.Node> nodes) {
    boolean dirs = exchange.query("dir") != null || exchange.query("directory") != null;
    boolean objs = exchange.query("obj") != null || exchange.query("object") != null;
    if (dirs == objs) {
      return nodes;
    }
    return nodes.stream().filter(n -> (n instanceof Namespace.Dir) == dirs).toList();
  }

  static int limit(String value) {
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value.trim());
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // Falls through to the same answer as an out-of-range number.
    }
    throw MantaErrors.invalidLimit(value);
  }

  /** Renders one NDJSON entry with muskie's field order. */
  private static String entry(Namespace.Node node, boolean root) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("name", name(node));
    if (node instanceof Namespace.Obj obj) {
      ObjectMeta meta = obj.meta();
      e.put("etag", meta.etag());
      e.put("size", meta.size());
      e.put("type", "object");
      e.put("contentType", meta.contentType());
      e.put("contentMD5", meta.md5());
      e.put("mtime", MantaHeaders.isoMillis(meta.mtime()));
      e.put("durability", meta.reportedDurability());
    } else {
      e.put("type", "directory");
      e.put("mtime", MantaHeaders.isoMillis(root ? ROOT_MTIME : node.mtime()));
    }
    return Json.write(e) + "\n";
  }

  private static String name(Namespace.Node node) {
    String path = node.path();
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
