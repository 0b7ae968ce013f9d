package org.tritondatacenter.origin.testkit.imgapi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tritondatacenter.origin.testkit.ImgapiInstance;
import org.tritondatacenter.origin.testkit.ImgapiMode;
import org.tritondatacenter.origin.testkit.SimulatorContext;
import org.tritondatacenter.origin.testkit.StorageMode;
import org.tritondatacenter.origin.testkit.http.AuthMode;
import org.tritondatacenter.origin.testkit.http.Router;
import org.tritondatacenter.origin.testkit.http.ServiceHandler;
import org.tritondatacenter.origin.testkit.http.ServiceKind;

/**
 * One simulated standalone IMGAPI server (apis.md §4), in private mode like the updates server
 * (channels, {@code public: false} manifests) or public mode like the images server (no channels,
 * {@code public: true} manifests).
 *
 * <p>Authentication follows §4.2: writes need a valid signature, reads (ping, ListImages, GetImage,
 * ListChannels) may be anonymous but refuse a signature that fails, GetImageFile needs none. The
 * keyId is the bare account login. Image files are kept on disk under the data directory.
 *
 * <p>Benchmarks only: in bench mode ({@code LocalTritonOptions.benchMode()}) AddImageFile does not
 * digest the bytes and answers with the client's own {@code sha1}; in storage mode {@code DISCARD}
 * only the size and digests are kept and GetImageFile answers 501.
 */
public final class ImgapiSimulator {
  /** The largest image file IMGAPI accepts: 20 GiB. */
  static final long MAX_FILE_BYTES = 20L * 1024 * 1024 * 1024;

  private final ImgapiService service;
  private final ServiceHandler handler;

  /** Creates the server for {@code instance}; its endpoint name is {@code instance.name()}. */
  public ImgapiSimulator(SimulatorContext context, ImgapiInstance instance) {
    this(context, instance, MAX_FILE_BYTES);
  }

  /** Creates the server with a smaller file size limit, so tests can reach it. */
  ImgapiSimulator(SimulatorContext context, ImgapiInstance instance, long maxFileBytes) {
    Objects.requireNonNull(context, "context == null");
    Objects.requireNonNull(instance, "instance == null");
    Channels channels =
        new Channels(
            instance.mode() == ImgapiMode.PRIVATE ? context.options().channels() : List.of());
    Path root = context.dataDir().resolve("imgapi").resolve(instance.name());
    ImageFiles files =
        new ImageFiles(
            root, context.options().storage() == StorageMode.DISK, !context.options().benchMode());
    this.service =
        new ImgapiService(
            context,
            instance,
            channels,
            new ImageCatalog(),
            files,
            new ManifestValidator(instance.mode()),
            maxFileBytes);
    UrlFetcher fetcher =
        new UrlFetcher(
            context.options().tls() ? () -> context.server().certificate().certificate() : null);
    this.handler =
        new ServiceHandler(
                instance.name(),
                ServiceKind.IMGAPI,
                routes(fetcher),
                context.auth().authenticator(ServiceKind.IMGAPI))
            .responseHeader("Server", "imgapi/" + ImgapiService.VERSION);
  }

  private Router routes(UrlFetcher fetcher) {
    ReadEndpoints reads = new ReadEndpoints(service);
    ListImages list = new ListImages(service);
    ImageActions actions = new ImageActions(service);
    ImportEndpoints imports = new ImportEndpoints(service);
    FileEndpoints files = new FileEndpoints(service, fetcher);
    Router router =
        new Router()
            .route("GET", "/ping", "Ping", AuthMode.PASSIVE, versioned(reads::ping))
            .route("GET", "/images", "ListImages", AuthMode.PASSIVE, versioned(list::handle))
            .route(
                "POST",
                "/images",
                "CreateImage",
                AuthMode.REQUIRED,
                versioned(imports::createImage))
            .route("GET", "/images/:uuid", "GetImage", AuthMode.PASSIVE, versioned(reads::getImage))
            .route(
                "POST",
                "/images/:uuid",
                e -> true,
                ImageActions::operation,
                AuthMode.REQUIRED,
                versioned(actions::post))
            .route(
                "DELETE",
                "/images/:uuid",
                "DeleteImage",
                AuthMode.REQUIRED,
                versioned(actions::delete))
            .route(
                "GET",
                "/images/:uuid/file",
                "GetImageFile",
                AuthMode.NONE,
                versioned(reads::getImageFile))
            .route(
                "PUT",
                "/images/:uuid/file",
                "AddImageFile",
                AuthMode.REQUIRED,
                versioned(files::addImageFile))
            .route(
                "POST",
                "/images/:uuid/file/from-url",
                "AddImageFileFromUrl",
                AuthMode.REQUIRED,
                versioned(files::addImageFileFromUrl));
    // Like IMGAPI, a server without channels does not mount ListChannels at all.
    if (service.channels().enabled()) {
      router.route(
          "GET", "/channels", "ListChannels", AuthMode.PASSIVE, versioned(reads::listChannels));
    }
    return router;
  }

  /** Checks {@code Accept-Version} first, as restify does before any handler runs. */
  private static Router.Handler versioned(Router.Handler handler) {
    return exchange -> {
      ApiVersion.major(exchange);
      handler.handle(exchange);
    };
  }

  /** Returns the endpoint to add to the server. */
  public ServiceHandler handler() {
    return handler;
  }

  /** Returns the endpoint name, such as {@code updates}. */
  public String name() {
    return service.instance().name();
  }

  public ImgapiMode mode() {
    return service.mode();
  }

  /** Returns the channels, the default first; empty in public mode. */
  public List<String> channels() {
    return service.channels().names();
  }

  /**
   * Adds an active image directly, as an operator would have imported it (used to seed origin
   * images). {@code channels} is ignored in public mode; empty or null means the default channel.
   * Seeding an image that exists adds it to the channels given. The manifest needs a {@code uuid}
   * and {@code name}; {@code v}, {@code version}, {@code type}, {@code os} get defaults, the owner
   * becomes the zero UUID, {@code public} follows the mode and unknown fields are dropped.
   *
   * @throws IllegalArgumentException when the manifest is unusable or a channel is unknown
   */
  public void seedImage(Map<String, Object> manifest, Collection<String> channels) {
    new Seeding(service).seed(manifest, channels);
  }

  /** Returns the images imported but never activated, for the leak report. */
  public List<String> unactivatedImages() {
    List<String> out = new ArrayList<>();
    for (Image image : service.catalog().all()) {
      if (!image.activated()) {
        out.add(image.describe());
      }
    }
    return out;
  }

  /**
   * Returns an image as GetImage answers it with API version 2 and admin fields (so with {@code
   * channels}, {@code state} and {@code files}), or empty when the server does not have it.
   */
  public Optional<Map<String, Object>> image(String uuid) {
    Image image = service.catalog().get(uuid);
    if (image == null) {
      return Optional.empty();
    }
    return Optional.of(
        Collections.unmodifiableMap(
            new LinkedHashMap<>(ImageJson.serialize(image, service.mode(), true, true))));
  }

  /** Returns the SHA-1 of an image's file as the server recorded it, or null without a file. */
  public String fileSha1(String uuid) {
    Image image = service.catalog().get(uuid);
    return image == null || image.file() == null ? null : image.file().sha1();
  }

  /** Returns the uuids of every image on the server, in creation order. */
  public List<String> imageUuids() {
    return service.catalog().all().stream().map(Image::uuid).toList();
  }
}
