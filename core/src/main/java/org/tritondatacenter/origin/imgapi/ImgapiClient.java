package org.tritondatacenter.origin.imgapi;

import com.fasterxml.jackson.core.type.TypeReference;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.http.ApiClient;
import org.tritondatacenter.origin.http.ApiRequest;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.http.Endpoint;
import org.tritondatacenter.origin.http.HttpConfig;

/**
 * The client of a standalone IMGAPI server, such as updates.tritondatacenter.com: one method per
 * documented operation.
 *
 * <p>Every request sends {@code Accept-Version: ~2}, without which images lack {@code channels}.
 * Reads may be anonymous; writes need an endpoint signed with the IMGAPI user name as login (the
 * whole keyId) and an RSA key. A channel argument of null means the client's default channel (see
 * {@link #withDefaultChannel}), and when that is null too, the server's default. Reads also take
 * {@code *}, every channel; writes refuse it before sending. Arguments are checked before any
 * request, with messages that name the bad value. Instances are immutable and thread-safe.
 */
public final class ImgapiClient {
  /** The API version sent with every request. */
  public static final String ACCEPT_VERSION = "~2";

  /**
   * The largest image file IMGAPI accepts, 20 GiB ({@code MAX_IMAGE_SIZE}); a larger one is refused
   * before any byte is sent, rather than by the server after the whole upload.
   */
  public static final long MAX_FILE_BYTES = 20L * 1024 * 1024 * 1024;

  /** Fields UpdateImage cannot change; other calls (activate, channel-add...) own them. */
  private static final Set<String> NOT_UPDATABLE =
      Set.of(
          "v",
          "uuid",
          "state",
          "error",
          "disabled",
          "published_at",
          "origin",
          "files",
          "icon",
          "channels",
          "urn");

  private final Calls calls;
  private final FileTransfers files;
  private final String defaultChannel;

  private ImgapiClient(Calls calls, String defaultChannel) {
    this.calls = calls;
    this.files = new FileTransfers(calls);
    this.defaultChannel = defaultChannel;
  }

  /**
   * Creates a client for {@code endpoint} that uses the server's default channel.
   *
   * @throws IllegalArgumentException when the endpoint is not an IMGAPI one
   */
  public static ImgapiClient create(Endpoint endpoint, HttpConfig config) {
    Objects.requireNonNull(endpoint, "endpoint == null");
    Objects.requireNonNull(config, "config == null");
    if (endpoint.service() != Service.IMGAPI) {
      throw new IllegalArgumentException(
          "ImgapiClient needs an IMGAPI endpoint, not a " + endpoint.service() + " one");
    }
    ApiClient api = ApiClient.create(endpoint, config, Map.of("Accept-Version", ACCEPT_VERSION));
    return new ImgapiClient(new Calls(api), null);
  }

  /**
   * Returns a client sharing this one's connections whose calls default to {@code channel}, as
   * {@code updates-imgadm -C} does; null returns to the server's default. {@code *} is allowed, for
   * reads only.
   */
  public ImgapiClient withDefaultChannel(String channel) {
    return new ImgapiClient(calls, Checks.readChannel(channel, "default"));
  }

  /** Returns the default channel, or null for the server's. */
  public String defaultChannel() {
    return defaultChannel;
  }

  /** Returns the endpoint this client talks to. */
  public Endpoint endpoint() {
    return calls.endpoint();
  }

  /**
   * Calls IMGAPI Ping. Signed, it verifies the credentials: the answer's {@code user} is set only
   * when the server accepted the signature, and a refused one fails with 401.
   */
  public Ping ping() {
    return calls.call(ApiRequest.get("Ping").path("ping").build(), Ping.class);
  }

  /** Calls IMGAPI ListChannels; a server without channels answers 404. */
  public List<Channel> listChannels() {
    ApiRequest request = ApiRequest.get("ListChannels").path("channels").build();
    return List.copyOf(calls.call(request, new TypeReference<List<Channel>>() {}));
  }

  /**
   * Calls IMGAPI ListImages, page after page, and returns every matching image in the server's
   * order (by {@code published_at}). The marker of a page is the last image of the one before and
   * IMGAPI includes it again; such repeats are dropped.
   */
  public List<Image> listImages(ImageQuery query) {
    Objects.requireNonNull(query, "query == null");
    return ImagePages.listAll(calls, query, readChannel(query.channel(), "ListImages"));
  }

  /**
   * Calls IMGAPI ListImages and keeps the newest image per owner and name, as {@code updates-imgadm
   * list --latest} does (see {@link Image#latest}).
   */
  public List<Image> listLatestImages(ImageQuery query) {
    return Image.latest(listImages(query));
  }

  /** Calls IMGAPI GetImage; {@code channel} may be {@code *} to find it in any channel. */
  public Image getImage(String uuid, String channel) {
    Checks.uuid(uuid, "image uuid");
    return calls.image(
        ApiRequest.get("GetImage")
            .path("images", uuid)
            .query("channel", readChannel(channel, "GetImage"))
            .build());
  }

  /**
   * Calls IMGAPI GetImage, then GetImageFile, and returns the file as a stream checked against the
   * image's {@code files[0]}.
   */
  public ImageFileStream getImageFile(String uuid, String channel) {
    return getImageFile(getImage(uuid, channel), channel);
  }

  /**
   * Calls IMGAPI GetImageFile for an image already fetched and returns the file as a stream checked
   * against its {@code files[0]} SHA-1 and size. The caller reads it to the end and closes it.
   *
   * @throws IllegalArgumentException when the image has no file with a SHA-1 and size
   */
  public ImageFileStream getImageFile(Image image, String channel) {
    Objects.requireNonNull(image, "image == null");
    Checks.uuid(image.uuid(), "image uuid");
    return files.getImageFile(image, readChannel(channel, "GetImageFile"));
  }

  /**
   * Returns the file of {@code image} as a source that calls IMGAPI GetImageFile each time it is
   * opened, so an upload elsewhere (another IMGAPI, Manta) can retry by downloading again. Each
   * download is checked as {@link #getImageFile(Image, String)} checks it.
   */
  public ByteSource imageFileSource(Image image, String channel) {
    Objects.requireNonNull(image, "image == null");
    Checks.uuid(image.uuid(), "image uuid");
    return files.imageFileSource(image, readChannel(channel, "GetImageFile"));
  }

  /**
   * Calls IMGAPI AdminImportImage: creates the image from {@code manifest}, keeping its uuid, in
   * {@code channel}, unactivated and without a file.
   *
   * <p>Never sent twice: when the first answer is lost, the image may exist. A 409 {@link
   * ImgapiErrors#IMAGE_UUID_ALREADY_EXISTS} says it does; look it up with {@code getImage(uuid,
   * "*")} and resume from its state.
   *
   * @throws IllegalArgumentException when the manifest has fields IMGAPI refuses (naming them) or
   *     lacks one it requires, before anything is sent
   */
  public Image adminImportImage(ImageManifest manifest, String channel) {
    Objects.requireNonNull(manifest, "manifest == null");
    ImportChecks.check(manifest);
    String resolved = writeChannel(channel, "AdminImportImage");
    calls.requireCredentials("AdminImportImage");
    return calls.image(
        ApiRequest.post("AdminImportImage")
            .path("images", manifest.uuid())
            .query("action", "import")
            .query("channel", resolved)
            .jsonBody(manifest.toTree())
            .idempotent(false)
            .build());
  }

  /**
   * Calls IMGAPI AddImageFile: streams {@code source} as the image's file, computing its SHA-1 on
   * the way, and checks the SHA-1 and size IMGAPI recorded against what was sent (and against
   * {@code sha1} when given). A failed attempt is retried by opening the source again. Before
   * activation the file may be replaced.
   *
   * @param source the file; its size, when known, becomes {@code Content-Length}
   * @param compression always sent
   * @param sha1 the expected SHA-1 in hex, sent so the server checks it too; null when unknown
   * @param size the expected size in bytes, checked against the source; null when unknown
   * @param channel the channel the image is in; null for the default
   * @throws org.tritondatacenter.origin.TritonIoException when the answer lacks {@code
   *     files[0].sha1} or {@code size}, or they differ from what was sent (naming both values)
   */
  public Image addImageFile(
      String uuid,
      ByteSource source,
      Compression compression,
      String sha1,
      Long size,
      String channel) {
    Checks.uuid(uuid, "image uuid");
    Objects.requireNonNull(source, "source == null");
    Objects.requireNonNull(compression, "compression == null");
    String hex = Checks.sha1(sha1, "AddImageFile sha1");
    String resolved = writeChannel(channel, "AddImageFile");
    calls.requireCredentials("AddImageFile");
    return files.addImageFile(uuid, source, compression, hex, size, resolved);
  }

  /**
   * Calls IMGAPI AddImageFileFromUrl: the server downloads the file from {@code fileUrl}, such as a
   * Manta signed URL, and answers when it has it (up to an hour, so the read timeout is long). Not
   * resent on a lost answer; calling it again before activation replaces the file. The URL's query
   * never appears in messages.
   *
   * @param compression the file's compression; null guesses it from the URL's path
   * @param sha1 the expected SHA-1 in hex, checked by the server; null when unknown
   */
  public Image addImageFileFromUrl(
      String uuid, URI fileUrl, Compression compression, String sha1, String channel) {
    Checks.uuid(uuid, "image uuid");
    Checks.fileUrl(fileUrl);
    Compression c =
        compression != null
            ? compression
            : Compression.fromFileName(fileUrl.getPath() == null ? "" : fileUrl.getPath());
    String hex = Checks.sha1(sha1, "AddImageFileFromUrl sha1");
    String resolved = writeChannel(channel, "AddImageFileFromUrl");
    calls.requireCredentials("AddImageFileFromUrl");
    return files.addImageFileFromUrl(uuid, fileUrl, c, hex, resolved);
  }

  /**
   * Calls IMGAPI ActivateImage. Not repeatable: a second call fails with {@link
   * ImgapiErrors#IMAGE_ALREADY_ACTIVATED}, and one before AddImageFile with {@link
   * ImgapiErrors#NO_ACTIVATION_NO_FILE}.
   */
  public Image activateImage(String uuid, String channel) {
    return action(uuid, "activate", "ActivateImage", channel, false);
  }

  /** Calls IMGAPI EnableImage. */
  public Image enableImage(String uuid, String channel) {
    return action(uuid, "enable", "EnableImage", channel, true);
  }

  /** Calls IMGAPI DisableImage. */
  public Image disableImage(String uuid, String channel) {
    return action(uuid, "disable", "DisableImage", channel, true);
  }

  /**
   * Calls IMGAPI ChannelAddImage: finds the image in {@code fromChannel} (null: the default) and
   * adds it to {@code toChannel}. Adding a channel the image has is a no-op, so it is retried
   * safely.
   */
  public Image channelAddImage(String uuid, String fromChannel, String toChannel) {
    Checks.uuid(uuid, "image uuid");
    String from = writeChannel(fromChannel, "ChannelAddImage");
    String to = Checks.channelName(toChannel, "ChannelAddImage target channel");
    calls.requireCredentials("ChannelAddImage");
    return calls.image(
        ApiRequest.post("ChannelAddImage")
            .path("images", uuid)
            .query("action", "channel-add")
            .query("channel", from)
            .jsonBody(Map.of("channel", to))
            .idempotent(true)
            .build());
  }

  /**
   * Calls IMGAPI DeleteImage: removes the image from {@code channel}; it is deleted for good when
   * that was its last channel, or at once with {@code forceAllChannels}.
   */
  public void deleteImage(String uuid, String channel, boolean forceAllChannels) {
    Checks.uuid(uuid, "image uuid");
    String resolved = writeChannel(channel, "DeleteImage");
    calls.requireCredentials("DeleteImage");
    calls.send(
        ApiRequest.delete("DeleteImage")
            .path("images", uuid)
            .query("channel", resolved)
            .query("force_all_channels", forceAllChannels ? "true" : null)
            .build());
  }

  /**
   * Calls IMGAPI UpdateImage with the manifest fields to change, such as {@code description} or
   * {@code tags}; values are plain JSON values (maps, lists, strings, numbers, booleans).
   *
   * @throws IllegalArgumentException when a field is not a manifest field or one UpdateImage cannot
   *     change (state, files, channels...), naming it
   */
  public Image updateImage(String uuid, Map<String, ?> fields, String channel) {
    Checks.uuid(uuid, "image uuid");
    Objects.requireNonNull(fields, "fields == null");
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("UpdateImage of image " + uuid + ": no fields to change");
    }
    for (String field : fields.keySet()) {
      if (!ManifestCodec.FIELDS.contains(field) || NOT_UPDATABLE.contains(field)) {
        throw new IllegalArgumentException(
            "UpdateImage of image "
                + uuid
                + ": field \""
                + field
                + "\" "
                + (ManifestCodec.FIELDS.contains(field)
                    ? "cannot be changed by UpdateImage"
                    : "is not an IMGAPI manifest field"));
      }
    }
    String resolved = writeChannel(channel, "UpdateImage");
    calls.requireCredentials("UpdateImage");
    return calls.image(
        ApiRequest.post("UpdateImage")
            .path("images", uuid)
            .query("action", "update")
            .query("channel", resolved)
            .jsonBody(JsonValues.toNode(fields))
            .idempotent(true)
            .build());
  }

  private Image action(
      String uuid, String action, String operation, String channel, boolean idempotent) {
    Checks.uuid(uuid, "image uuid");
    String resolved = writeChannel(channel, operation);
    calls.requireCredentials(operation);
    return calls.image(
        ApiRequest.post(operation)
            .path("images", uuid)
            .query("action", action)
            .query("channel", resolved)
            .idempotent(idempotent)
            .build());
  }

  private String readChannel(String channel, String operation) {
    return Checks.readChannel(channel != null ? channel : defaultChannel, operation);
  }

  private String writeChannel(String channel, String operation) {
    return Checks.writeChannel(channel != null ? channel : defaultChannel, operation);
  }

  @Override
  public String toString() {
    return "ImgapiClient["
        + calls.endpoint()
        + (defaultChannel == null ? "" : ", channel " + defaultChannel)
        + "]";
  }
}
