package org.tritondatacenter.origin.testkit.imgapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tritondatacenter.origin.testkit.ImgapiMode;
import org.tritondatacenter.origin.testkit.http.ApiError;
import org.tritondatacenter.origin.testkit.http.Exchange;

/**
 * {@code POST /images/:uuid?action=...} and DeleteImage (apis.md §4.7): import, activate, enable,
 * disable, channel-add and update. Except for import, the image must be in the request's channel.
 */
final class ImageActions {
  /** Fields UpdateImage may change (node-imgmanifest's mutable fields, plus {@code type}). */
  private static final Set<String> MUTABLE =
      Set.of(
          "owner",
          "name",
          "version",
          "description",
          "homepage",
          "eula",
          "public",
          "type",
          "os",
          "acl",
          "requirements",
          "users",
          "billing_tags",
          "traits",
          "tags",
          "generate_passwords",
          "inherited_directories",
          "nic_driver",
          "disk_driver",
          "cpu_type",
          "image_size",
          "channels");

  private final ImgapiService service;
  private final ImportEndpoints imports;

  ImageActions(ImgapiService service) {
    this.service = service;
    this.imports = new ImportEndpoints(service);
  }

  /** Returns the operation name of a {@code POST /images/:uuid}, for faults and the log. */
  static String operation(Exchange exchange) {
    String action = exchange.query("action");
    return switch (action == null ? "" : action) {
      case "import" -> "AdminImportImage";
      case "import-remote" -> "AdminImportRemoteImage";
      case "activate" -> "ActivateImage";
      case "enable" -> "EnableImage";
      case "disable" -> "DisableImage";
      case "channel-add" -> "ChannelAddImage";
      default -> "UpdateImage";
    };
  }

  void post(Exchange exchange) {
    String uuid = ImgapiService.validUuid(exchange);
    String channel = service.channels().resolve(exchange, false);
    String action = exchange.query("action");
    if ("import".equals(action)) {
      imports.importImage(exchange, uuid, channel);
      return;
    }
    if ("import-remote".equals(action)) {
      imports.importRemote(exchange);
      return;
    }
    service.catalog().find(uuid, channel);
    Image image =
        switch (action == null ? "" : action) {
          case "activate" -> service.catalog().update(uuid, channel, this::activate);
          case "enable" -> service.catalog().update(uuid, channel, i -> i.withDisabled(false));
          case "disable" -> service.catalog().update(uuid, channel, i -> i.withDisabled(true));
          case "channel-add" -> channelAdd(exchange, uuid, channel);
          case "update" -> {
            Map<String, Object> body = exchange.jsonBody();
            yield service.catalog().update(uuid, channel, i -> update(i, body));
          }
          default -> throw invalidAction(action);
        };
    ImageJson.send(exchange, service.mode(), image);
  }

  private Image activate(Image image) {
    if (image.activated()) {
      throw ApiError.unprocessable(
          "ImageAlreadyActivated", "image \"" + image.uuid() + "\" is already activated");
    }
    if (image.file() == null) {
      throw ApiError.unprocessable(
          "NoActivationNoFile",
          "image \"" + image.uuid() + "\" cannot be activated: it has no file");
    }
    return image.activatedAt(service.now());
  }

  private Image channelAdd(Exchange exchange, String uuid, String channel) {
    // A server without channels does not know this action at all.
    if (!service.channels().enabled()) {
      throw invalidAction("channel-add");
    }
    Object target = exchange.jsonBody().get("channel");
    if (!(target instanceof String name) || !service.channels().exists(name)) {
      throw Channels.unknown(String.valueOf(target));
    }
    return service.catalog().update(uuid, channel, i -> i.withChannelAdded(name));
  }

  private Image update(Image image, Map<String, Object> data) {
    if (data.isEmpty()) {
      throw Errors.validationFailed("invalid image update data: no parameters provided", List.of());
    }
    List<Map<String, Object>> errors = new ArrayList<>();
    for (String key : data.keySet()) {
      boolean channelsHere = !key.equals("channels") || service.mode() == ImgapiMode.PRIVATE;
      if (!MUTABLE.contains(key) || !channelsHere) {
        errors.add(Errors.fieldError(key, "NotAllowed", "Parameter cannot be updated"));
      }
    }
    if (!errors.isEmpty()) {
      List<String> names = errors.stream().map(e -> String.valueOf(e.get("field"))).toList();
      throw Errors.validationFailed(
          "invalid image update data: " + String.join(", ", names), errors);
    }
    Map<String, Object> fields = new LinkedHashMap<>(image.fields());
    List<String> channels = image.channels();
    for (Map.Entry<String, Object> change : data.entrySet()) {
      if (change.getKey().equals("channels")) {
        channels = channelList(change.getValue());
      } else if (change.getValue() == null) {
        fields.remove(change.getKey());
      } else {
        fields.put(change.getKey(), change.getValue());
      }
    }
    ManifestValidator.normalise(fields);
    service.validator().validate(fields, image.publishedAt());
    return image.withFields(fields).withChannels(channels);
  }

  private List<String> channelList(Object value) {
    List<String> channels = new ArrayList<>();
    if (value instanceof List<?> list && !list.isEmpty()) {
      for (Object item : list) {
        if (!(item instanceof String name) || !service.channels().exists(name)) {
          throw Channels.unknown(String.valueOf(item));
        }
        if (!channels.contains(name)) {
          channels.add(name);
        }
      }
      return channels;
    }
    throw Errors.validationFailed(
        "invalid image data: channels",
        List.of(Errors.fieldError("channels", "Invalid", "must be a non-empty array")));
  }

  /**
   * DeleteImage: 204 once the image is out of the request's channel; it is gone for good when no
   * channel is left or with {@code force_all_channels=true}.
   */
  void delete(Exchange exchange) {
    String uuid = ImgapiService.validUuid(exchange);
    String channel = service.channels().resolve(exchange, false);
    service.catalog().find(uuid, channel);
    boolean force =
        Errors.boolParam(exchange.query("force_all_channels"), false, "force_all_channels");
    Image removed = service.catalog().delete(uuid, channel, force);
    if (removed != null) {
      service.files().delete(uuid);
    }
    exchange.sendEmpty(204);
  }

  private static ApiError invalidAction(String action) {
    if (action == null || action.isEmpty()) {
      return Errors.invalidParameter(
          "no image \"action\" was specified", "action", "MissingParameter");
    }
    return Errors.invalidParameter("\"" + action + "\" is not a valid action", "action", "Invalid");
  }
}
