package org.tritondatacenter.origin.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.tritondatacenter.origin.testkit.auth.Accounts;
import org.tritondatacenter.origin.testkit.auth.KeyGenerator;
import org.tritondatacenter.origin.testkit.cloudapi.CloudApiSimulator;
import org.tritondatacenter.origin.testkit.http.Faults;
import org.tritondatacenter.origin.testkit.http.RequestLog;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.http.TestkitServer;
import org.tritondatacenter.origin.testkit.imgapi.ImgapiSimulator;
import org.tritondatacenter.origin.testkit.manta.MantaSimulator;

/**
 * A running local Triton: CloudAPI, Manta and one or more IMGAPI servers on loopback ports.
 *
 * <pre>{@code
 * try (LocalTriton triton = LocalTriton.start(LocalTritonOptions.builder().build())) {
 *   URI cloudapi = triton.cloudApiUrl();
 *   TestKey key = triton.rsaKey();
 *   ...
 *   assertThat(triton.leakReport().isEmpty()).isTrue();
 * }
 * }</pre>
 */
public final class LocalTriton implements AutoCloseable {
  /** The endpoint name of CloudAPI. */
  public static final String CLOUDAPI = "cloudapi";

  /** The endpoint name of Manta. */
  public static final String MANTA = "manta";

  /** The endpoint name of the benchmark-only unauthenticated Manta listener. */
  public static final String MANTA_UNAUTHENTICATED = "manta-unauthenticated";

  private final LocalTritonOptions options;
  private final TestkitServer server;
  private final Faults faults;
  private final RequestLog requests;
  private final List<TestKey> keys;
  private final MantaSimulator manta;
  private final CloudApiSimulator cloud;
  private final Map<String, ImgapiSimulator> imgapis;
  private final Path dataDir;
  private final boolean ownsDataDir;

  private LocalTriton(
      LocalTritonOptions options,
      TestkitServer server,
      Faults faults,
      RequestLog requests,
      List<TestKey> keys,
      MantaSimulator manta,
      CloudApiSimulator cloud,
      Map<String, ImgapiSimulator> imgapis,
      Path dataDir,
      boolean ownsDataDir) {
    this.options = options;
    this.server = server;
    this.faults = faults;
    this.requests = requests;
    this.keys = List.copyOf(keys);
    this.manta = manta;
    this.cloud = cloud;
    this.imgapis = imgapis;
    this.dataDir = dataDir;
    this.ownsDataDir = ownsDataDir;
  }

  /** Starts a local Triton with these options; close it to stop it and delete its data. */
  public static LocalTriton start(LocalTritonOptions options) {
    boolean ownsDataDir = options.dataDir() == null;
    Path dataDir = ownsDataDir ? createTempDir() : options.dataDir();
    Faults faults = new Faults();
    RequestLog requests = new RequestLog();
    TestkitServer server = new TestkitServer(options.host(), faults, requests);
    try {
      Accounts accounts = new Accounts(options.account(), server::now);
      options.subUsers().forEach(sub -> accounts.addSubUser(options.account(), sub));
      List<TestKey> keys = generateKeys(options, accounts);
      for (String line : options.authorizedKeys()) {
        accounts.addKey(options.account(), null, line);
      }
      SimulatorContext context = new SimulatorContext(options, accounts, server, faults, dataDir);

      MantaSimulator manta = new MantaSimulator(context);
      CloudApiSimulator cloud = new CloudApiSimulator(context, manta.store());
      Map<String, ImgapiSimulator> imgapis = new LinkedHashMap<>();
      for (ImgapiInstance instance : options.imgapis()) {
        imgapis.put(instance.name(), new ImgapiSimulator(context, instance));
      }

      server.add(cloud.handler(), 0, options.tls());
      server.add(manta.handler(), 0, options.tls());
      if (options.unauthenticatedListener()) {
        server.add(manta.unauthenticatedHandler(), 0, false);
      }
      for (ImgapiSimulator imgapi : imgapis.values()) {
        server.add(imgapi.handler(), 0, options.tls());
      }
      Seeder.seed(options, options.seedImagesJson(), cloud, List.copyOf(imgapis.values()));
      server.start();
      return new LocalTriton(
          options, server, faults, requests, keys, manta, cloud, imgapis, dataDir, ownsDataDir);
    } catch (RuntimeException e) {
      server.close();
      if (ownsDataDir) {
        deleteTree(dataDir);
      }
      throw e;
    }
  }

  private static List<TestKey> generateKeys(LocalTritonOptions options, Accounts accounts) {
    List<TestKey> keys = new ArrayList<>();
    for (KeyKind kind : options.keyKinds()) {
      TestKey key = KeyGenerator.generate(kind, options.account() + "@triton-origin-testkit");
      accounts.addKey(options.account(), null, key.publicKeyLine());
      for (String sub : options.subUsers()) {
        accounts.addKey(options.account(), sub, key.publicKeyLine());
      }
      if (options.home() != null) {
        key = writeKey(options.home(), kind, key);
      }
      keys.add(key);
    }
    return keys;
  }

  private static TestKey writeKey(Path home, KeyKind kind, TestKey key) {
    String name =
        switch (kind) {
          case RSA -> "id_rsa";
          case ECDSA_P256 -> "id_ecdsa";
          case ECDSA_P384 -> "id_ecdsa_p384";
          case ECDSA_P521 -> "id_ecdsa_p521";
          case ED25519 -> "id_ed25519";
        };
    try {
      Path ssh = home.resolve(".ssh");
      Files.createDirectories(ssh);
      Path file = ssh.resolve(name);
      Files.writeString(file, key.privateKeyText());
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      Files.writeString(ssh.resolve(name + ".pub"), key.publicKeyLine() + "\n");
      return key.writtenTo(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write keys under " + home, e);
    }
  }

  private static Path createTempDir() {
    try {
      return Files.createTempDirectory("triton-origin-testkit-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public LocalTritonOptions options() {
    return options;
  }

  /** Returns the account login that serves all three services. */
  public String account() {
    return options.account();
  }

  public URI cloudApiUrl() {
    return server.url(CLOUDAPI);
  }

  public URI mantaUrl() {
    return server.url(MANTA);
  }

  /** Returns the unauthenticated Manta listener's URL (benchmarks only). */
  public URI unauthenticatedMantaUrl() {
    return server.url(MANTA_UNAUTHENTICATED);
  }

  /** Returns the URL of the first private-mode IMGAPI (the updates-like server). */
  public URI imgapiUrl() {
    return server.url(firstImgapi(ImgapiMode.PRIVATE));
  }

  /** Returns the URL of the first public-mode IMGAPI (the images-like server). */
  public URI publicImgapiUrl() {
    return server.url(firstImgapi(ImgapiMode.PUBLIC));
  }

  /** Returns the URL of the IMGAPI with this endpoint name. */
  public URI imgapiUrl(String name) {
    return server.url(name);
  }

  private String firstImgapi(ImgapiMode mode) {
    return options.imgapis().stream()
        .filter(i -> i.mode() == mode)
        .map(ImgapiInstance::name)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + mode + " IMGAPI configured"));
  }

  /** Returns the generated keys; the RSA key comes first. */
  public List<TestKey> keys() {
    return keys;
  }

  /** Returns the generated RSA key, the one type all three services accept. */
  public TestKey rsaKey() {
    return key(KeyKind.RSA);
  }

  /** Returns the generated key of one kind. */
  public TestKey key(KeyKind kind) {
    return keys.stream()
        .filter(k -> k.kind() == kind)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + kind + " key was generated"));
  }

  /** Returns the PEM of the self-signed certificate when TLS is on. */
  public String certificatePem() {
    return server.certificate().pem();
  }

  public Faults faults() {
    return faults;
  }

  public RequestLog requests() {
    return requests;
  }

  public CloudApiSimulator cloud() {
    return cloud;
  }

  public MantaSimulator manta() {
    return manta;
  }

  /** Returns the IMGAPI with this endpoint name. */
  public ImgapiSimulator imgapi(String name) {
    ImgapiSimulator imgapi = imgapis.get(name);
    if (imgapi == null) {
      throw new IllegalArgumentException("no IMGAPI named " + name);
    }
    return imgapi;
  }

  /** Returns the simulation clock, which drives durations. */
  public Clock clock() {
    return options.clock();
  }

  /** Returns the wall-clock "now" of a kind of service, including any injected skew. */
  public java.time.Instant wallNow(ServiceKind kind) {
    return server.now(kind);
  }

  /** Lists machines not deleted, images never activated and objects outside expected paths. */
  public LeakReport leakReport() {
    List<String> unactivated = new ArrayList<>();
    imgapis.forEach(
        (name, imgapi) ->
            imgapi.unactivatedImages().forEach(i -> unactivated.add(name + ": " + i)));
    return new LeakReport(cloud.undeletedMachines(), unactivated, manta.strayObjects());
  }

  /**
   * Returns the environment a client needs, as the standalone mode exports it: {@code TRITON_URL},
   * {@code MANTA_URL}, {@code UPDATES_IMGADM_URL} and so on.
   */
  public Map<String, String> exports() {
    TestKey key = rsaKey();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("TRITON_PROFILE", "env");
    env.put("TRITON_URL", cloudApiUrl().toString());
    env.put("TRITON_ACCOUNT", account());
    env.put("TRITON_KEY_ID", key.sha256Fingerprint());
    env.put("MANTA_URL", mantaUrl().toString());
    env.put("MANTA_USER", account());
    env.put("MANTA_KEY_ID", key.sha256Fingerprint());
    env.put("UPDATES_IMGADM_URL", imgapiUrl().toString());
    env.put("UPDATES_IMGADM_USER", account());
    env.put(
        "UPDATES_IMGADM_IDENTITY",
        key.privateKeyFile() != null ? key.privateKeyFile().toString() : key.sha256Fingerprint());
    if (options.imgapis().stream().anyMatch(i -> i.mode() == ImgapiMode.PUBLIC)) {
      env.put("TRITON_ORIGIN_PUBLIC_IMGAPI_URL", publicImgapiUrl().toString());
    }
    if (options.tls()) {
      env.put("TRITON_TLS_INSECURE", "1");
      env.put("MANTA_TLS_INSECURE", "1");
      env.put("UPDATES_IMGADM_INSECURE", "1");
    }
    return env;
  }

  @Override
  public void close() {
    server.close();
    manta.close();
    if (ownsDataDir) {
      deleteTree(dataDir);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort: a temporary directory left behind is harmless.
    }
  }
}
