package org.tritondatacenter.origin.cli;

import java.util.Map;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.auth.HttpSigner;
import org.tritondatacenter.origin.cli.config.CliEndpoints;
import org.tritondatacenter.origin.cli.config.ConnectionFlags;
import org.tritondatacenter.origin.cli.config.ProxySettings;
import org.tritondatacenter.origin.cli.progress.Progress;
import org.tritondatacenter.origin.http.Endpoint;
import org.tritondatacenter.origin.http.HttpConfig;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.runner.ResolvedEndpoint;
import org.tritondatacenter.origin.runner.StepEnvironment;
import org.tritondatacenter.origin.runner.StepRunner;
import org.tritondatacenter.origin.state.RunRecordStore;
import org.tritondatacenter.origin.steps.Step;

/**
 * One command's connection to Triton: its endpoints, HTTP settings (proxy, trace, clock) and
 * progress display. Everything a command runs goes through {@link #run}, which Ctrl-C interrupts.
 */
final class Session implements AutoCloseable {
  private final CliEnvironment env;
  private final CliEndpoints endpoints;
  private final Progress progress;
  private final HttpConfig http;

  Session(CliEnvironment env, ConnectionFlags flags, boolean signedImgapi, boolean verbose) {
    this.env = env;
    this.endpoints =
        CliEndpoints.create(
            env.env(), env.home(), env.workingDir(), flags, env.passphrases(), signedImgapi);
    this.progress = Progress.create(env.terminal(), width(env), env.errStream(), env.err());
    HttpConfig.Builder b =
        HttpConfig.builder()
            .clock(env.clock())
            .sleeper(env.sleeper())
            .userAgent("triton-origin/" + VersionProvider.version())
            .listener(progress);
    ProxySettings proxy = ProxySettings.fromEnvironment(env.env());
    if (proxy.isConfigured()) {
      b.baseClient(proxy.baseClient());
    }
    if (verbose) {
      b.trace(
          line -> {
            synchronized (env.err()) {
              env.err().println(line);
              env.err().flush();
            }
          });
    }
    this.http = b.build();
  }

  CliEndpoints endpoints() {
    return endpoints;
  }

  HttpConfig http() {
    return http;
  }

  Progress progress() {
    return progress;
  }

  /** Returns an environment for core keeping the run record in {@code store}. */
  StepEnvironment.Builder stepEnvironment(RunRecordStore store, String storeName) {
    return StepEnvironment.builder()
        .endpoints(endpoints)
        .store(store, storeName)
        .listener(progress)
        .httpConfig(http);
  }

  /** Runs a step as the work Ctrl-C interrupts. */
  Map<String, Object> run(Step step, Map<String, ?> arguments, StepEnvironment environment) {
    return env.interruption().guard(() -> StepRunner.run(step, arguments, environment));
  }

  /** Returns a client of the IMGAPI endpoint called {@code name} (null for the default). */
  ImgapiClient imgapi(String name) {
    ResolvedEndpoint e = endpoints.resolve(Service.IMGAPI, name);
    Endpoint endpoint;
    if (e.key() == null) {
      endpoint = Endpoint.anonymous(Service.IMGAPI, e.url());
    } else {
      HttpSigner signer = HttpSigner.create(Service.IMGAPI, e.login(), null, e.key(), false);
      endpoint = Endpoint.signed(Service.IMGAPI, e.url(), e.login(), null, signer::authorization);
    }
    return ImgapiClient.create(endpoint.withTls(e.tls()), http)
        .withDefaultChannel(e.defaultChannel());
  }

  /** Returns a client of the Manta endpoint. */
  MantaClient manta() {
    ResolvedEndpoint e = endpoints.resolve(Service.MANTA, null);
    HttpSigner signer = HttpSigner.create(Service.MANTA, e.login(), e.subUser(), e.key(), false);
    Endpoint endpoint =
        Endpoint.signed(Service.MANTA, e.url(), e.login(), e.subUser(), signer::authorization)
            .withTls(e.tls());
    return MantaClient.create(endpoint, http);
  }

  private static int width(CliEnvironment env) {
    try {
      return Math.max(60, Integer.parseInt(env.env().getOrDefault("COLUMNS", "100").strip()));
    } catch (NumberFormatException e) {
      return 100;
    }
  }

  @Override
  public void close() {
    progress.close();
  }
}
