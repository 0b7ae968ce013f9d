package org.tritondatacenter.origin.testkit.imgapi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.tritondatacenter.origin.testkit.http.Exchange;

/**
 * ListImages, {@code GET /images} (apis.md §4.7).
 *
 * <p>Filters are ANDed: {@code channel} (or {@code *}), {@code state}, {@code owner}, {@code name}
 * and {@code version} ({@code ~x} is a case-sensitive substring match), {@code os}, {@code type}
 * ({@code !x} excludes), {@code public}, {@code tag.<key>} and repeatable {@code billing_tag}. An
 * anonymous caller only ever sees active images.
 *
 * <p>Order: by {@code published_at}, ascending unless {@code sort=published_at.desc}. As in IMGAPI,
 * an image without {@code published_at} (never activated, nor imported with one) counts as the
 * epoch, so it comes first; images with equal dates keep their creation order. {@code marker} (an
 * image UUID or a date) keeps images with {@code published_at >=} the marker's date, so the marker
 * image itself is included; {@code limit} cuts the result (0 or absent: no limit).
 */
final class ListImages {
  private final ImgapiService service;

  ListImages(ImgapiService service) {
    this.service = service;
  }

  void handle(Exchange exchange) {
    boolean anonymous = exchange.principal() == null;
    String channel = service.channels().resolve(exchange, true);
    boolean adminFields = ImageJson.adminFields(exchange);
    int limit = limit(exchange.query("limit"));
    Predicate<Image> state = stateFilter(exchange.query("state"), anonymous);
    if (state == null) {
      exchange.sendJson(200, List.of());
      return;
    }
    List<Predicate<Image>> filters = new ArrayList<>(List.of(state, i -> i.inChannel(channel)));
    String publicParam = exchange.query("public");
    if (publicParam != null) {
      boolean wanted = Errors.boolParam(publicParam, true, "public");
      filters.add(i -> Boolean.valueOf(wanted).equals(i.field("public")));
    }
    filters.add(exact("owner", exchange.query("owner")));
    filters.add(textMatch("name", exchange.query("name")));
    filters.add(textMatch("version", exchange.query("version")));
    filters.add(exact("os", exchange.query("os")));
    filters.add(type(exchange.query("type")));
    filters.add(tags(exchange));
    filters.add(billingTags(exchange.queryAll("billing_tag")));
    boolean descending = descending(exchange.query("sort"));
    Instant from = marker(exchange.query("marker"));
    if (from != null) {
      filters.add(i -> i.publishedAt() != null && !published(i).isBefore(from));
    }

    Comparator<Image> order =
        Comparator.comparing(ListImages::published).thenComparingLong(Image::sequence);
    List<Image> images =
        service.catalog().all().stream()
            .filter(i -> filters.stream().allMatch(f -> f.test(i)))
            .sorted(descending ? order.reversed() : order)
            .limit(limit > 0 ? limit : Long.MAX_VALUE)
            .toList();
    boolean withChannels = ApiVersion.withChannels(exchange);
    List<Map<String, Object>> body = new ArrayList<>();
    for (Image image : images) {
      body.add(ImageJson.serialize(image, service.mode(), withChannels, adminFields));
    }
    exchange.sendJson(200, body);
  }

  private static int limit(String value) {
    if (value == null || value.isEmpty()) {
      return 0;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 0) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // Answered below.
    }
    throw Errors.invalidParameter(
        "invalid limit: \"" + value + "\" (use a whole number)", "limit", "Invalid");
  }

  /** Returns the state filter, or null when the answer is empty for an anonymous caller. */
  private static Predicate<Image> stateFilter(String state, boolean anonymous) {
    Predicate<Image> active = i -> i.activated() && !i.disabled();
    if (state == null || state.isEmpty() || state.equals("active")) {
      return active;
    }
    return switch (state) {
      case "all" -> anonymous ? active : i -> true;
      case "disabled" -> anonymous ? null : i -> i.activated() && i.disabled();
      case "unactivated" -> anonymous ? null : i -> !i.activated();
      // IMGAPI's placeholder states; images on a standalone server never have them.
      case "creating", "failed" -> anonymous ? null : i -> false;
      default ->
          throw Errors.invalidParameter(
              "invalid state: \""
                  + state
                  + "\" (use active, disabled, unactivated, creating, failed or all)",
              "state",
              "Invalid");
    };
  }

  private static Predicate<Image> exact(String field, String wanted) {
    return wanted == null ? i -> true : i -> wanted.equals(i.field(field));
  }

  private static Predicate<Image> textMatch(String field, String wanted) {
    if (wanted == null) {
      return i -> true;
    }
    if (wanted.startsWith("~")) {
      String part = wanted.substring(1);
      return i -> String.valueOf(i.field(field)).contains(part);
    }
    return exact(field, wanted);
  }

  private static Predicate<Image> type(String wanted) {
    if (wanted != null && wanted.startsWith("!")) {
      String excluded = wanted.substring(1);
      return i -> !excluded.equals(i.field("type"));
    }
    return exact("type", wanted);
  }

  private static Predicate<Image> tags(Exchange exchange) {
    List<Predicate<Image>> checks = new ArrayList<>();
    exchange
        .queryParams()
        .forEach(
            (key, values) -> {
              if (key.startsWith("tag.") && !values.isEmpty()) {
                String tag = key.substring(4);
                String value = values.get(0);
                checks.add(
                    i ->
                        i.field("tags") instanceof Map<?, ?> tags
                            && tags.containsKey(tag)
                            && value.equals(String.valueOf(tags.get(tag))));
              }
            });
    return i -> checks.stream().allMatch(c -> c.test(i));
  }

  private static Predicate<Image> billingTags(List<String> wanted) {
    return i ->
        wanted.isEmpty()
            || i.field("billing_tags") instanceof Collection<?> tags && tags.containsAll(wanted);
  }

  private static boolean descending(String sort) {
    if (sort == null || sort.isEmpty()) {
      return false;
    }
    String[] parts = sort.split("\\.", 2);
    String order = parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "asc";
    if (!parts[0].equals("published_at") || !(order.equals("asc") || order.equals("desc"))) {
      throw Errors.invalidParameter(
          "invalid 'sort': \"" + sort + "\" (use published_at, published_at.asc or .desc)",
          "sort",
          "Invalid");
    }
    return order.equals("desc");
  }

  /** Returns the lower bound of {@code published_at} a marker sets, or null for none. */
  private Instant marker(String marker) {
    if (marker == null || marker.isEmpty()) {
      return null;
    }
    if (ManifestRules.UUID.matcher(marker).matches()) {
      Image image = service.catalog().get(marker);
      if (image == null) {
        throw Errors.invalidParameter(
            "invalid value for \"marker\" param: no image " + marker + " on this server",
            "marker",
            "Invalid");
      }
      // An unpublished marker image sets no bound, as in IMGAPI.
      return image.publishedAt() == null ? null : published(image);
    }
    Instant date = parseDate(marker);
    if (date == null) {
      throw Errors.invalidParameter(
          "invalid value for \"marker\" param: \"" + marker + "\" is not a UUID or date string",
          "marker",
          "Invalid");
    }
    return date;
  }

  private static Instant parseDate(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      // Try the forms without an offset below.
    }
    try {
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // Try a plain date below.
    }
    try {
      return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Instant published(Image image) {
    return image.publishedAt() == null ? Instant.EPOCH : Instant.parse(image.publishedAt());
  }
}
