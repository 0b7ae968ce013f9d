package org.tritondatacenter.origin.testkit.imgapi;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.tritondatacenter.origin.testkit.ImgapiInstance;
import org.tritondatacenter.origin.testkit.ImgapiMode;
import org.tritondatacenter.origin.testkit.SimulatorContext;
import org.tritondatacenter.origin.testkit.http.ApiError;
import org.tritondatacenter.origin.testkit.http.Exchange;

/**
 * What the endpoints of one simulated server share: its context, mode, channels, images, files and
 * limits.
 *
 * @param maxFileBytes the largest image file accepted (20 GiB, as IMGAPI)
 */
record ImgapiService(
    SimulatorContext context,
    ImgapiInstance instance,
    Channels channels,
    ImageCatalog catalog,
    ImageFiles files,
    ManifestValidator validator,
    long maxFileBytes) {

  /** IMGAPI's version, as the real updates server reports it. */
  static final String VERSION = "4.11.0";

  /** JavaScript's {@code toISOString()} form, which IMGAPI writes for {@code published_at}. */
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  ImgapiMode mode() {
    return instance.mode();
  }

  /** Returns "now" on the simulation clock, formatted as {@code published_at}. */
  String now() {
    return ISO_MILLIS.format(context.simNow());
  }

  /**
   * Finds the image of an {@code /images/:uuid...} request in the request's channel.
   *
   * @param allowStar whether {@code channel=*} (every channel) is allowed, as on reads
   * @throws ApiError 404 for a path that is not a UUID, an unknown image or one outside the
   *     channel; 422 for an unknown channel
   */
  Image lookup(Exchange exchange, boolean allowStar) {
    String uuid = validUuid(exchange);
    String channel = channels.resolve(exchange, allowStar);
    return catalog.find(uuid, channel);
  }

  /** Returns the {@code :uuid} path parameter, or answers 404 as IMGAPI does for a non-UUID. */
  static String validUuid(Exchange exchange) {
    String uuid = exchange.pathParam("uuid");
    if (uuid == null || !ManifestRules.UUID.matcher(uuid).matches()) {
      throw Errors.notFound(exchange.rawPath() + " does not exist");
    }
    return uuid;
  }

  /** Returns true when the local Triton serves HTTPS, which makes from-url demand https too. */
  boolean tls() {
    return context.options().tls();
  }
}
