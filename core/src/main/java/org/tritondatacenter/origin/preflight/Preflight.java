package org.tritondatacenter.origin.preflight;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.cloudapi.Network;
import org.tritondatacenter.origin.cloudapi.Package;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.images.ImageSpec;
import org.tritondatacenter.origin.images.ImageTags;
import org.tritondatacenter.origin.imgapi.Image;
import org.tritondatacenter.origin.imgapi.ImageQuery;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.wait.Clock;

/**
 * Checks, before any machine exists, that a build can succeed, and returns its {@link Plan}.
 *
 * <pre>{@code
 * Plan plan = Preflight.builder(cloudApi).publishTarget(updates, "dev").build()
 *     .check(images.select(only), version, false, false);
 * }</pre>
 *
 * <p>It only reads: ListPackages, GetImage and ListNetworks on CloudAPI; Ping, GetImage and
 * ListImages on IMGAPI. Instances are immutable and thread-safe.
 */
public final class Preflight {
  private final CloudApiClient cloudApi;
  private final ImgapiClient imgapi;
  private final String channel;
  private final EventListener listener;
  private final Clock clock;

  private Preflight(Builder b) {
    this.cloudApi = b.cloudApi;
    this.imgapi = b.imgapi;
    this.channel = b.channel;
    this.listener = b.listener;
    this.clock = b.clock;
  }

  /** Starts a preflight against the datacenter of {@code cloudApi}. */
  public static Builder builder(CloudApiClient cloudApi) {
    return new Builder(Objects.requireNonNull(cloudApi, "cloudApi == null"));
  }

  /**
   * Runs every check and returns the plan.
   *
   * @param images the selected images.json entries, in file order
   * @param version the version the images will get
   * @param force plan every image, even one whose spec is already published in the channel
   * @param allowKnownBrokenOrigins accept an origin {@link
   *     org.tritondatacenter.origin.images.KnownBrokenOrigins} refuses
   * @throws PreflightException listing every failed check, each with how to fix it
   */
  public Plan check(
      List<ImageSpec> images, String version, boolean force, boolean allowKnownBrokenOrigins) {
    Objects.requireNonNull(images, "images == null");
    Objects.requireNonNull(version, "version == null");
    Instant started = clock.now();
    listener.on(new Event.PhaseStarted("preflight", images.size() + " images"));
    List<String> problems = new ArrayList<>();
    boolean ok = false;
    try {
      List<Package> packages = Credentials.cloudApi(cloudApi, problems);
      boolean imgapiOk = imgapi == null || Credentials.imgapi(imgapi, problems);
      if (packages == null) {
        // Every other check asks CloudAPI; they would only repeat the same refusal.
        throw new PreflightException(problems);
      }
      Map<ImageSpec.Origin, List<String>> origins = new LinkedHashMap<>();
      images.forEach(
          s -> origins.computeIfAbsent(s.origin(), o -> new ArrayList<>()).add(s.imageName()));
      origins.forEach(
          (origin, usedBy) ->
              OriginChecks.inDatacenter(
                  cloudApi, origin, usedBy, allowKnownBrokenOrigins, problems));
      if (imgapi != null && imgapiOk) {
        origins.forEach(
            (origin, usedBy) -> OriginChecks.inChannel(imgapi, channel, origin, usedBy, problems));
      }
      List<Network> networks = needsNetworks(images) ? listNetworks(problems) : List.of();
      List<PlannedImage> planned = new ArrayList<>();
      for (ImageSpec spec : images) {
        PlannedImage image = plan(spec, version, packages, networks, problems);
        if (image != null) {
          planned.add(
              force || imgapi == null || !imgapiOk ? image : skipIfPublished(image, problems));
        }
      }
      if (!problems.isEmpty()) {
        throw new PreflightException(problems);
      }
      ok = true;
      return new Plan(
          planned, imgapi == null ? null : imgapi.endpoint().baseUrl().toString(), channel);
    } finally {
      listener.on(
          new Event.PhaseFinished(
              "preflight", images.size() + " images", ok, Duration.between(started, clock.now())));
    }
  }

  private PlannedImage plan(
      ImageSpec spec,
      String version,
      List<Package> packages,
      List<Network> networks,
      List<String> problems) {
    Optional<Package> pkg = PackageChooser.choose(spec, packages, problems);
    List<Network> nets =
        spec.networks().isEmpty() ? List.of() : NetworkResolver.resolve(spec, networks, problems);
    if (pkg.isEmpty() || nets == null) {
      return null;
    }
    return new PlannedImage(
        spec,
        spec.imageName(),
        version,
        spec.specHash(),
        pkg.get().id(),
        pkg.get().name(),
        pkg.get().memory(),
        nets.stream().map(Network::id).toList(),
        nets.stream().map(Network::name).toList(),
        null,
        null);
  }

  private static boolean needsNetworks(List<ImageSpec> images) {
    return images.stream().anyMatch(s -> !s.networks().isEmpty());
  }

  private List<Network> listNetworks(List<String> problems) {
    try {
      return cloudApi.listNetworks();
    } catch (TritonException e) {
      problems.add("CloudAPI could not list networks: " + e.getMessage());
      return List.of();
    }
  }

  /** Marks the image skipped when an active image with its spec is in the target channel. */
  private PlannedImage skipIfPublished(PlannedImage image, List<String> problems) {
    ImageQuery query =
        ImageQuery.builder().tag(ImageTags.SPEC, image.specHash()).channel(channel).build();
    List<Image> published;
    try {
      published = imgapi.listImages(query);
    } catch (TritonException e) {
      problems.add(
          "IMGAPI could not list the images published with the spec of "
              + image.name()
              + ": "
              + e.getMessage());
      return image;
    }
    if (published.isEmpty()) {
      return image;
    }
    // IMGAPI lists by published_at, oldest first: the newest identical image stands for them all.
    Image newest = published.get(published.size() - 1);
    listener.on(
        new Event.Info(
            image.name()
                + " is skipped: "
                + newest.name()
                + "@"
                + newest.version()
                + " ("
                + newest.uuid()
                + ") has the same spec"
                + (channel == null ? "" : " in channel " + channel)
                + "; use force to build it again"));
    return new PlannedImage(
        image.spec(),
        image.name(),
        image.version(),
        image.specHash(),
        image.packageId(),
        image.packageName(),
        image.packageMemoryMb(),
        image.networkIds(),
        image.networkNames(),
        newest.uuid(),
        newest.version());
  }

  /** Configures a {@link Preflight}. */
  public static final class Builder {
    private final CloudApiClient cloudApi;
    private ImgapiClient imgapi;
    private String channel;
    private EventListener listener = EventListener.NONE;
    private Clock clock = Clock.system();

    private Builder(CloudApiClient cloudApi) {
      this.cloudApi = cloudApi;
    }

    /**
     * Sets the IMGAPI the images will be published to and its channel (null for the server's
     * default): the origins must be in that channel, and images whose spec is already published
     * there are skipped.
     */
    public Builder publishTarget(ImgapiClient imgapi, String channel) {
      this.imgapi = Objects.requireNonNull(imgapi, "imgapi == null");
      this.channel = channel;
      return this;
    }

    /** Sets who hears the preflight's events. */
    public Builder listener(EventListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /** Sets the clock the preflight's duration is measured on. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    public Preflight build() {
      return new Preflight(this);
    }
  }
}
