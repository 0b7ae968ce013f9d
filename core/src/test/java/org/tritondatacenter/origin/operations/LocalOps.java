package org.tritondatacenter.origin.operations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.auth.HttpSigner;
import org.tritondatacenter.origin.auth.SigningKey;
import org.tritondatacenter.origin.auth.SshKeys;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.cloudapi.CreateImageRequest;
import org.tritondatacenter.origin.cloudapi.CreateMachineRequest;
import org.tritondatacenter.origin.cloudapi.ImageState;
import org.tritondatacenter.origin.cloudapi.Machine;
import org.tritondatacenter.origin.cloudapi.MachineState;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.http.Endpoint;
import org.tritondatacenter.origin.http.HttpConfig;
import org.tritondatacenter.origin.http.TlsSettings;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.runner.EndpointResolver;
import org.tritondatacenter.origin.runner.ResolvedEndpoint;
import org.tritondatacenter.origin.runner.StepEnvironment;
import org.tritondatacenter.origin.state.RunRecordStore;
import org.tritondatacenter.origin.steps.BuildResult;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.LocalTritonOptions;
import org.tritondatacenter.origin.testkit.SimulatedTimings;
import org.tritondatacenter.origin.wait.ScaledClock;

/**
 * A local Triton seeded for two origin images, with the clients, endpoints and step environment the
 * operations use against it. Waits and retries run on a scaled clock.
 */
public final class LocalOps {
  /** The first origin: minimal-64-lts 21.4.0. */
  public static final String ORIGIN_A = "a7199134-7e94-11ec-be67-db6f482136c2";

  /** The second origin: minimal-64-lts 24.4.1. */
  public static final String ORIGIN_B = "41bd4100-eb86-409a-85b0-e649aadf6f62";

  /** An images.json with one image per origin. */
  public static final String IMAGES_JSON =
      """
      [
        {"namePrefix": "triton-origin-x86_64", "desc": "origin on 21.4.0",
         "origin": {"uuid": "%s", "name": "minimal-64-lts", "version": "21.4.0"},
         "pkgsrc": ["coreutils", "curl"], "protoMinMemoryMb": 1024},
        {"namePrefix": "triton-origin-x86_64", "desc": "origin on 24.4.1",
         "origin": {"uuid": "%s", "name": "minimal-64-lts", "version": "24.4.1"},
         "pkgsrc": ["coreutils", "sudo"], "protoMinMemoryMb": 1024, "audit": true}
      ]
      """
          .formatted(ORIGIN_A, ORIGIN_B);

  /** The branch, time and commit of the builds made here. */
  public static final String BRANCH = "master";

  public static final String TIMESTAMP = "20260101T120000Z";
  public static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

  private static final Duration WAIT = Duration.ofMinutes(30);

  private final LocalTriton triton;
  private final ScaledClock clock;
  private final SigningKey key;
  private final HttpConfig config;
  private final TlsSettings tls;

  public LocalOps(LocalTriton triton, ScaledClock clock) {
    this(triton, clock, HttpConfig.builder().clock(clock).sleeper(clock).build());
  }

  private LocalOps(LocalTriton triton, ScaledClock clock, HttpConfig config) {
    this.triton = triton;
    this.clock = clock;
    this.key = SshKeys.parse(triton.rsaKey().privateKeyText(), null, "the test key");
    this.config = config;
    this.tls = triton.options().tls() ? trustCertificate(triton) : TlsSettings.DEFAULT;
  }

  /** Trusts the local Triton's self-signed certificate, as a user would configure its CA. */
  private static TlsSettings trustCertificate(LocalTriton triton) {
    try {
      java.nio.file.Path pem = java.nio.file.Files.createTempFile("local-triton-", ".pem");
      pem.toFile().deleteOnExit();
      java.nio.file.Files.writeString(pem, triton.certificatePem());
      return TlsSettings.trusting(pem);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Returns a copy whose clients stop reaching the network once {@code crash} happened. */
  public LocalOps crashing(SimulatedCrash crash) {
    return new LocalOps(triton, clock, config.newBuilder().baseClient(crash.httpClient()).build());
  }

  /** Returns options for a local Triton seeded for {@link #IMAGES_JSON}, on {@code clock}. */
  public static LocalTritonOptions.Builder options(ScaledClock clock) {
    return LocalTritonOptions.builder()
        .seedImagesJson(IMAGES_JSON)
        .timings(SimulatedTimings.INSTANT)
        .imageFileBytes(256 * 1024)
        .clock(clock.asJavaClock());
  }

  public LocalTriton triton() {
    return triton;
  }

  public ScaledClock clock() {
    return clock;
  }

  public HttpConfig config() {
    return config;
  }

  public String account() {
    return triton.account();
  }

  public CloudApiClient cloudApi() {
    return CloudApiClient.create(
        CloudApiClient.signedEndpoint(triton.cloudApiUrl(), account(), null, key, true)
            .withTls(tls),
        config);
  }

  public MantaClient manta() {
    HttpSigner signer = HttpSigner.create(Service.MANTA, account(), null, key, false);
    return MantaClient.create(
        Endpoint.signed(Service.MANTA, triton.mantaUrl(), account(), null, signer::authorization)
            .withTls(tls),
        config,
        signer);
  }

  /**
   * Returns a signed client of the IMGAPI named {@code name} ({@code updates} or {@code images}).
   */
  public ImgapiClient imgapi(String name) {
    HttpSigner signer = HttpSigner.create(Service.IMGAPI, account(), null, key, false);
    return ImgapiClient.create(
        Endpoint.signed(
                Service.IMGAPI, triton.imgapiUrl(name), account(), null, signer::authorization)
            .withTls(tls),
        config);
  }

  /** Returns the updates-like IMGAPI's client. */
  public ImgapiClient updates() {
    return imgapi("updates");
  }

  /**
   * Resolves CloudAPI, Manta, the IMGAPI {@code updates} (the default) and {@code images} (also
   * under {@link EndpointResolver#PUBLIC_IMGAPI}); names in {@code missing} are refused, as an
   * adapter refuses an endpoint it does not have ({@code "imgapi"} stands for the default IMGAPI).
   */
  public EndpointResolver resolver(Set<String> missing) {
    return (service, name) -> {
      String key = service == Service.IMGAPI && name == null ? "imgapi" : name;
      if (key != null && missing.contains(key)) {
        throw new TritonException("no " + service + " endpoint '" + key + "' is configured");
      }
      return switch (service) {
        case CLOUDAPI -> endpoint(service, "cloudapi", triton.cloudApiUrl().toString());
        case MANTA -> endpoint(service, "manta", triton.mantaUrl().toString());
        case IMGAPI -> {
          String which =
              name == null
                  ? "updates"
                  : name.equals(EndpointResolver.PUBLIC_IMGAPI) ? "images" : name;
          if (!which.equals("updates") && !which.equals("images")) {
            throw new TritonException("no IMGAPI endpoint '" + name + "' is configured");
          }
          yield endpoint(service, which, triton.imgapiUrl(which).toString());
        }
      };
    };
  }

  public EndpointResolver resolver() {
    return resolver(Set.of());
  }

  private ResolvedEndpoint endpoint(Service service, String name, String url) {
    return new ResolvedEndpoint(
        service, name, java.net.URI.create(url), account(), null, key, tls, null);
  }

  /** Returns the text of a Manta object, read on the server side. */
  public String mantaText(String path) {
    try (var in = triton.manta().read(path)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Returns the MD5 of a Manta object's bytes, read on the server side, in hex. */
  public String mantaMd5(String path) {
    try (var in = triton.manta().read(path)) {
      java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
      md5.update(in.readAllBytes());
      return java.util.HexFormat.of().formatHex(md5.digest());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns the builds directory of the default project. */
  public String projectDir() {
    return "/" + account() + "/public/builds/triton-origin-image";
  }

  /** Returns the build directory an export of {@link #build()} writes by default. */
  public String buildDir() {
    return projectDir() + "/" + BRANCH + "-" + TIMESTAMP;
  }

  /** Returns a step environment for this Triton with the build defaults of {@link #BRANCH}. */
  public StepEnvironment.Builder environment(RunRecordStore store, EventListener listener) {
    return StepEnvironment.builder()
        .endpoints(resolver())
        .store(store)
        .listener(listener)
        .httpConfig(config.newBuilder().listener(listener).build());
  }

  /**
   * Builds one image per entry of {@link #IMAGES_JSON} the way the build operation does, by driving
   * CloudAPI: machine, stop, image, delete the machine. Returns the build result.
   */
  public BuildResult build() {
    CloudApiClient cloud = cloudApi();
    String pkg =
        cloud.listPackages().stream()
            .filter(p -> p.name().equals("sample-1G"))
            .findFirst()
            .orElseThrow()
            .id();
    String buildId = "to-20260101T120000-abcdef";
    String version = BRANCH + "-" + TIMESTAMP + "-g" + COMMIT.substring(0, 7);
    List<BuildResult.Image> images = new ArrayList<>();
    String[][] entries = {
      {"triton-origin-x86_64-21.4.0", ORIGIN_A, "coreutils-9.4 curl-8.6.0"},
      {"triton-origin-x86_64-24.4.1", ORIGIN_B, "coreutils-9.4 sudo-1.9.15p5"}
    };
    for (String[] entry : entries) {
      Machine machine =
          cloud.createMachine(
              CreateMachineRequest.builder(entry[1], pkg)
                  .name("TEMP-" + entry[0])
                  .tag("triton-origin.build", buildId)
                  .build());
      cloud.waitForMachineState(machine.id(), MachineState.RUNNING, WAIT);
      cloud.stopMachine(machine.id());
      cloud.waitForMachineState(machine.id(), MachineState.STOPPED, WAIT);
      String image =
          cloud
              .createImageFromMachine(
                  CreateImageRequest.builder(machine.id(), entry[0], version)
                      .description("built for a test")
                      .tags(Map.of("branch", BRANCH, "timestamp", TIMESTAMP, "git", COMMIT))
                      .build())
              .image()
              .id();
      cloud.waitForImageState(image, ImageState.ACTIVE, WAIT);
      cloud.deleteMachine(machine.id());
      cloud.waitForMachineState(machine.id(), MachineState.DELETED, WAIT);
      images.add(
          new BuildResult.Image(
              entry[0],
              version,
              image,
              entry[1],
              "ab".repeat(32),
              false,
              List.of(entry[2].split(" ")),
              entry[1].equals(ORIGIN_B) ? "0 vulnerable packages\n" : null));
    }
    return new BuildResult(buildId, BRANCH, TIMESTAMP, COMMIT, images);
  }
}
