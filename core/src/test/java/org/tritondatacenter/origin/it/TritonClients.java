package org.tritondatacenter.origin.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.auth.HttpSigner;
import org.tritondatacenter.origin.auth.SigningKey;
import org.tritondatacenter.origin.auth.SshKeys;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.http.Endpoint;
import org.tritondatacenter.origin.http.HttpConfig;
import org.tritondatacenter.origin.http.TlsSettings;
import org.tritondatacenter.origin.images.ImagesFile;
import org.tritondatacenter.origin.images.ImagesJsonReader;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.operations.RecordingListener;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.LocalTritonOptions;
import org.tritondatacenter.origin.testkit.SimulatedTimings;
import org.tritondatacenter.origin.wait.ManualClock;

/**
 * The three typed clients wired to one local Triton, signing with its RSA key as a user would: the
 * key is parsed from its private text, CloudAPI and Manta sign {@code (request-target) date}, and
 * IMGAPI signs the date alone with the account login as keyId.
 *
 * <p>All clients share one {@link HttpConfig} whose clock and sleeper are the test's {@link
 * ManualClock}, the same clock testkit measures simulated durations on; the {@code Date} headers
 * still come from real wall time, as the services check them against theirs.
 */
final class TritonClients {
  final LocalTriton triton;
  final ManualClock clock;
  final RecordingListener listener = new RecordingListener();
  final SigningKey key;
  final HttpConfig config;
  private final String subUser;
  private final TlsSettings tls;
  private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

  TritonClients(LocalTriton triton, ManualClock clock) {
    this(triton, clock, null, TlsSettings.DEFAULT);
  }

  /**
   * Creates clients that sign CloudAPI and Manta requests as {@code subUser} (null for the account)
   * and check certificates with {@code tls}.
   */
  TritonClients(LocalTriton triton, ManualClock clock, String subUser, TlsSettings tls) {
    this.triton = triton;
    this.clock = clock;
    this.subUser = subUser;
    this.tls = tls;
    this.key = SshKeys.parse(triton.rsaKey().privateKeyText(), null, "testkit");
    this.config =
        HttpConfig.builder()
            .clock(clock)
            .sleeper(
                d -> {
                  sleeps.add(d);
                  clock.sleep(d);
                })
            .listener(listener)
            .readTimeout(Duration.ofSeconds(20))
            .build();
  }

  /**
   * Returns options for a local Triton seeded with the repository's images.json and timed on {@code
   * clock}.
   */
  static LocalTritonOptions.Builder options(ManualClock clock) {
    return LocalTritonOptions.builder()
        .seedImagesJson(imagesJson())
        .timings(SimulatedTimings.DEFAULT)
        .clock(clock.asJavaClock());
  }

  /** Returns the text of the images.json at the root of the repository. */
  static String imagesJson() {
    try {
      return Files.readString(imagesJsonPath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the repository's images.json, read and checked as a build reads it. */
  static ImagesFile images() {
    return ImagesJsonReader.strict().read(imagesJsonPath());
  }

  /** Finds images.json in the working directory (the module) or a directory above it. */
  static Path imagesJsonPath() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("images.json");
      if (Files.isRegularFile(candidate) && Files.isDirectory(dir.resolve("core"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "images.json not found above " + Path.of("").toAbsolutePath() + "; run from the checkout");
  }

  /** Returns every sleep the clients asked for, in order. */
  List<Duration> sleeps() {
    synchronized (sleeps) {
      return List.copyOf(sleeps);
    }
  }

  String login() {
    return triton.account();
  }

  CloudApiClient cloudApi() {
    return CloudApiClient.create(
        CloudApiClient.signedEndpoint(triton.cloudApiUrl(), login(), subUser, key, true)
            .withTls(tls),
        config);
  }

  HttpSigner mantaSigner() {
    return HttpSigner.create(Service.MANTA, login(), subUser, key, true);
  }

  MantaClient manta() {
    return manta(triton.mantaUrl(), config);
  }

  /** Returns a Manta client for {@code url}, such as a proxy in front of the local Manta. */
  MantaClient manta(URI url, HttpConfig config) {
    HttpSigner signer = mantaSigner();
    return MantaClient.create(
        Endpoint.signed(Service.MANTA, url, login(), subUser, signer::authorization).withTls(tls),
        config,
        signer);
  }

  /** Returns a client of the private (updates-like) IMGAPI. */
  ImgapiClient imgapi() {
    return imgapi(triton.imgapiUrl());
  }

  /** Returns a client of the public (images-like) IMGAPI. */
  ImgapiClient publicImgapi() {
    return imgapi(triton.publicImgapiUrl());
  }

  private ImgapiClient imgapi(URI url) {
    HttpSigner signer = HttpSigner.create(Service.IMGAPI, login(), null, key, false);
    return ImgapiClient.create(
        Endpoint.signed(Service.IMGAPI, url, login(), null, signer::authorization).withTls(tls),
        config);
  }

  /** Returns an unsigned client of the private IMGAPI, as anyone may read it. */
  ImgapiClient anonymousImgapi() {
    return ImgapiClient.create(
        Endpoint.anonymous(Service.IMGAPI, triton.imgapiUrl()).withTls(tls), config);
  }
}
