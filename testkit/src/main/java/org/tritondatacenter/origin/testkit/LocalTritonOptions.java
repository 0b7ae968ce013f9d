package org.tritondatacenter.origin.testkit;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything that can be configured about a local Triton. Build with {@link #builder()}; every
 * option has a sensible default, so {@code LocalTritonOptions.builder().build()} starts a complete
 * datacenter with an account {@code alice}, an RSA key, Manta, a private IMGAPI named {@code
 * updates} and a public one named {@code images}.
 */
public final class LocalTritonOptions {
  /** The channels of a private IMGAPI by default, as on the updates server; {@code dev} first. */
  public static final List<String> DEFAULT_CHANNELS =
      List.of("dev", "experimental", "staging", "release", "support");

  /** The guest's pkgsrc catalogue by default: RFD 46's packages and a few more. */
  public static final List<String> DEFAULT_CATALOGUE =
      List.of(
          "coreutils-9.4",
          "curl-8.6.0",
          "gsed-4.9nb1",
          "patch-2.7.6nb1",
          "sudo-1.9.15p5",
          "bash-5.2.26",
          "git-2.44.0",
          "python311-3.11.8",
          "nodejs-20.11.1",
          "rsync-3.2.7");

  private final Builder b;

  private LocalTritonOptions(Builder b) {
    this.b = b;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding a copy of these options. */
  public Builder toBuilder() {
    return b.copy();
  }

  /** The account login that serves all three services, {@code alice} by default. */
  public String account() {
    return b.account;
  }

  /** The interface to listen on, {@code 127.0.0.1} by default. */
  public String host() {
    return b.host;
  }

  /** The clock for durations (provisioning, guest steps); never used for signature skew. */
  public Clock clock() {
    return b.clock;
  }

  public SimulatedTimings timings() {
    return b.timings;
  }

  /** Whether every endpoint serves HTTPS with a generated self-signed certificate. */
  public boolean tls() {
    return b.tls;
  }

  /** Whether Manta refuses writes over plain HTTP, as real Manta does. */
  public boolean requireTlsWrites() {
    return b.requireTlsWrites;
  }

  /** The text of an images.json to seed the datacenter for, or null. */
  public String seedImagesJson() {
    return b.seedImagesJson;
  }

  /** The channels of each private IMGAPI; the first is the default channel. */
  public List<String> channels() {
    return List.copyOf(b.channels);
  }

  public List<ImgapiInstance> imgapis() {
    return List.copyOf(b.imgapis);
  }

  /** Extra OpenSSH public-key lines registered on the account. */
  public List<String> authorizedKeys() {
    return List.copyOf(b.authorizedKeys);
  }

  /** Sub-users of the account; each gets the account's generated keys. */
  public List<String> subUsers() {
    return List.copyOf(b.subUsers);
  }

  /** The key types generated and registered on the account; RSA always comes first. */
  public List<KeyKind> keyKinds() {
    return List.copyOf(b.keyKinds);
  }

  /** Where generated keys are written ({@code <home>/.ssh/}), or null to write none. */
  public Path home() {
    return b.home;
  }

  /** Where objects and image files are stored, or null for a temporary directory. */
  public Path dataDir() {
    return b.dataDir;
  }

  public StorageMode storage() {
    return b.storage;
  }

  /**
   * Benchmarks only: Manta and IMGAPI answer with the digests the client sent instead of computing
   * them, so the server's CPU is not part of the measurement.
   */
  public boolean benchMode() {
    return b.benchMode;
  }

  /**
   * Benchmarks only: an extra Manta listener that needs no signature, so {@code curl} can be
   * compared against the same server.
   */
  public boolean unauthenticatedListener() {
    return b.unauthenticatedListener;
  }

  /** Whether Manta supports snaplinks (mantav1); false acts like a mantav2 server. */
  public boolean snaplinks() {
    return b.snaplinks;
  }

  /** The largest object Manta accepts, in bytes. */
  public long maxObjectBytes() {
    return b.maxObjectBytes;
  }

  /** The size of the image file CreateImageFromMachine produces, in bytes. */
  public long imageFileBytes() {
    return b.imageFileBytes;
  }

  /** The guest's pkgsrc catalogue, {@code name-version} entries. */
  public List<String> catalogue() {
    return List.copyOf(b.catalogue);
  }

  /** CloudAPI requests per second before it answers 429; 0 (the default) means no limit. */
  public int cloudApiRateLimit() {
    return b.cloudApiRateLimit;
  }

  /** Configures a {@link LocalTritonOptions}. */
  public static final class Builder {
    private String account = "alice";
    private String host = "127.0.0.1";
    private Clock clock = Clock.systemUTC();
    private SimulatedTimings timings = SimulatedTimings.DEFAULT;
    private boolean tls;
    private boolean requireTlsWrites;
    private String seedImagesJson;
    private List<String> channels = new ArrayList<>(DEFAULT_CHANNELS);
    private List<ImgapiInstance> imgapis =
        new ArrayList<>(
            List.of(
                new ImgapiInstance("updates", ImgapiMode.PRIVATE),
                new ImgapiInstance("images", ImgapiMode.PUBLIC)));
    private List<String> authorizedKeys = new ArrayList<>();
    private List<String> subUsers = new ArrayList<>();
    private List<KeyKind> keyKinds = new ArrayList<>(List.of(KeyKind.RSA));
    private Path home;
    private Path dataDir;
    private StorageMode storage = StorageMode.DISK;
    private boolean benchMode;
    private boolean unauthenticatedListener;
    private boolean snaplinks = true;
    private long maxObjectBytes = 50L * 1024 * 1024 * 1024;
    private long imageFileBytes = 2L * 1024 * 1024;
    private List<String> catalogue = new ArrayList<>(DEFAULT_CATALOGUE);
    private int cloudApiRateLimit;

    private Builder() {}

    public Builder account(String account) {
      this.account = Objects.requireNonNull(account, "account == null");
      return this;
    }

    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host == null");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    public Builder timings(SimulatedTimings timings) {
      this.timings = Objects.requireNonNull(timings, "timings == null");
      return this;
    }

    public Builder tls(boolean tls) {
      this.tls = tls;
      return this;
    }

    public Builder requireTlsWrites(boolean requireTlsWrites) {
      this.requireTlsWrites = requireTlsWrites;
      return this;
    }

    public Builder seedImagesJson(String imagesJson) {
      this.seedImagesJson = imagesJson;
      return this;
    }

    public Builder channels(List<String> channels) {
      if (channels.isEmpty()) {
        throw new IllegalArgumentException("channels must not be empty");
      }
      this.channels = new ArrayList<>(channels);
      return this;
    }

    public Builder imgapis(List<ImgapiInstance> imgapis) {
      this.imgapis = new ArrayList<>(imgapis);
      return this;
    }

    public Builder authorizedKey(String publicKeyLine) {
      this.authorizedKeys.add(Objects.requireNonNull(publicKeyLine, "publicKeyLine == null"));
      return this;
    }

    public Builder subUser(String subUser) {
      this.subUsers.add(Objects.requireNonNull(subUser, "subUser == null"));
      return this;
    }

    /** Generates these key types for the account, in addition to the RSA key. */
    public Builder keyKinds(List<KeyKind> kinds) {
      List<KeyKind> all = new ArrayList<>(List.of(KeyKind.RSA));
      for (KeyKind kind : kinds) {
        if (!all.contains(kind)) {
          all.add(kind);
        }
      }
      this.keyKinds = all;
      return this;
    }

    public Builder home(Path home) {
      this.home = home;
      return this;
    }

    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    public Builder storage(StorageMode storage) {
      this.storage = Objects.requireNonNull(storage, "storage == null");
      return this;
    }

    public Builder benchMode(boolean benchMode) {
      this.benchMode = benchMode;
      return this;
    }

    public Builder unauthenticatedListener(boolean enabled) {
      this.unauthenticatedListener = enabled;
      return this;
    }

    public Builder snaplinks(boolean snaplinks) {
      this.snaplinks = snaplinks;
      return this;
    }

    public Builder maxObjectBytes(long bytes) {
      this.maxObjectBytes = bytes;
      return this;
    }

    public Builder imageFileBytes(long bytes) {
      this.imageFileBytes = bytes;
      return this;
    }

    public Builder catalogue(List<String> catalogue) {
      this.catalogue = new ArrayList<>(catalogue);
      return this;
    }

    public Builder cloudApiRateLimit(int requestsPerSecond) {
      this.cloudApiRateLimit = requestsPerSecond;
      return this;
    }

    public LocalTritonOptions build() {
      return new LocalTritonOptions(copy());
    }

    Builder copy() {
      Builder c = new Builder();
      c.account = account;
      c.host = host;
      c.clock = clock;
      c.timings = timings;
      c.tls = tls;
      c.requireTlsWrites = requireTlsWrites;
      c.seedImagesJson = seedImagesJson;
      c.channels = new ArrayList<>(channels);
      c.imgapis = new ArrayList<>(imgapis);
      c.authorizedKeys = new ArrayList<>(authorizedKeys);
      c.subUsers = new ArrayList<>(subUsers);
      c.keyKinds = new ArrayList<>(keyKinds);
      c.home = home;
      c.dataDir = dataDir;
      c.storage = storage;
      c.benchMode = benchMode;
      c.unauthenticatedListener = unauthenticatedListener;
      c.snaplinks = snaplinks;
      c.maxObjectBytes = maxObjectBytes;
      c.imageFileBytes = imageFileBytes;
      c.catalogue = new ArrayList<>(catalogue);
      c.cloudApiRateLimit = cloudApiRateLimit;
      return c;
    }
  }
}
