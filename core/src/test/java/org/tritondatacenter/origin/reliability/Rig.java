package org.tritondatacenter.origin.reliability;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.auth.HttpSigner;
import org.tritondatacenter.origin.auth.SigningKey;
import org.tritondatacenter.origin.auth.SshKeys;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.http.Endpoint;
import org.tritondatacenter.origin.http.HttpConfig;
import org.tritondatacenter.origin.http.TlsSettings;
import org.tritondatacenter.origin.imgapi.ImageManifest;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.wait.Clock;
import org.tritondatacenter.origin.wait.ManualClock;
import org.tritondatacenter.origin.wait.Sleeper;

/**
 * The three typed clients on one local Triton, signing with its RSA key as a user would, sharing
 * one {@link HttpConfig} whose clock and sleeper are the test's. Every sleep is recorded, and every
 * event goes to {@link #events}.
 */
final class Rig {
  final LocalTriton triton;
  final Events events;
  final SigningKey key;
  private final List<Duration> sleeps;
  private final HttpConfig config;
  private final TlsSettings tls;
  private final Instant wallStart;

  private Rig(
      LocalTriton triton,
      Events events,
      SigningKey key,
      List<Duration> sleeps,
      HttpConfig config,
      TlsSettings tls,
      Instant wallStart) {
    this.triton = triton;
    this.events = events;
    this.key = key;
    this.sleeps = sleeps;
    this.config = config.newBuilder().listener(events).build();
    this.tls = tls;
    this.wallStart = wallStart;
  }

  /** Returns clients whose retries and waits run on {@code clock}, slept by {@code sleeper}. */
  static Rig on(LocalTriton triton, Clock clock, Sleeper sleeper) {
    List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    HttpConfig config =
        HttpConfig.builder()
            .clock(clock)
            .sleeper(
                d -> {
                  sleeps.add(d);
                  sleeper.sleep(d);
                })
            .readTimeout(Duration.ofSeconds(20))
            .build();
    SigningKey key = SshKeys.parse(triton.rsaKey().privateKeyText(), null, "the testkit key");
    return new Rig(triton, new Events(), key, sleeps, config, TlsSettings.DEFAULT, null);
  }

  /**
   * Returns clients on a manual clock whose {@code Date} headers also move by every sleep: a retry
   * after a "minute" of backoff is signed a minute later, as it would be in production.
   */
  static Rig withDatesFollowingSleeps(LocalTriton triton, ManualClock clock) {
    Rig rig = on(triton, clock, clock);
    Duration sleptBefore = clock.totalSlept();
    Instant start = Instant.now();
    Clock wall = () -> start.plus(clock.totalSlept().minus(sleptBefore));
    return new Rig(
        triton,
        rig.events,
        rig.key,
        rig.sleeps,
        rig.config.newBuilder().wallClock(wall).build(),
        rig.tls,
        start);
  }

  /** Returns the wall time after the sleeps so far, for a rig made by withDatesFollowingSleeps. */
  Instant wallAfter(List<Duration> sleptSoFar) {
    Instant at = wallStart;
    for (Duration d : sleptSoFar) {
      at = at.plus(d);
    }
    return at;
  }

  /**
   * Returns clients with a changed config (timeouts, retry policy...), sharing sleeps and events.
   */
  Rig with(UnaryOperator<HttpConfig.Builder> change) {
    return new Rig(
        triton, events, key, sleeps, change.apply(config.newBuilder()).build(), tls, wallStart);
  }

  /** Returns clients that check certificates with {@code tls}. */
  Rig withTls(TlsSettings tls) {
    return new Rig(triton, events, key, sleeps, config, tls, wallStart);
  }

  HttpConfig config() {
    return config;
  }

  /** Returns every sleep asked for so far, in order. */
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
        CloudApiClient.signedEndpoint(triton.cloudApiUrl(), login(), null, key, true).withTls(tls),
        config);
  }

  MantaClient manta() {
    return manta(triton.mantaUrl());
  }

  MantaClient manta(URI url) {
    HttpSigner signer = HttpSigner.create(Service.MANTA, login(), null, key, true);
    return MantaClient.create(
        Endpoint.signed(Service.MANTA, url, login(), null, signer::authorization).withTls(tls),
        config,
        signer);
  }

  /** Returns a client of the updates-like IMGAPI. */
  ImgapiClient updates() {
    HttpSigner signer = HttpSigner.create(Service.IMGAPI, login(), null, key, false);
    return ImgapiClient.create(
        Endpoint.signed(
                Service.IMGAPI, triton.imgapiUrl("updates"), login(), null, signer::authorization)
            .withTls(tls),
        config);
  }

  /** Returns a manifest of a new image for the private IMGAPI, without an origin. */
  static ImageManifest manifest(String name, String version) {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("v", 2);
    m.put("uuid", UUID.randomUUID().toString());
    m.put("owner", ImageManifest.ZERO_UUID);
    m.put("name", name);
    m.put("version", version);
    m.put("description", "an image of the reliability tests");
    m.put("public", false);
    m.put("type", "zone-dataset");
    m.put("os", "smartos");
    return ImageManifest.fromTree(org.tritondatacenter.origin.http.Json.mapper().valueToTree(m));
  }
}
