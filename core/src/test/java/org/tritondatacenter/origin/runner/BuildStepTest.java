package org.tritondatacenter.origin.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.auth.SigningKey;
import org.tritondatacenter.origin.auth.SshKeys;
import org.tritondatacenter.origin.gc.GcReport;
import org.tritondatacenter.origin.http.HttpConfig;
import org.tritondatacenter.origin.preflight.Plan;
import org.tritondatacenter.origin.preflight.PreflightException;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.state.RunRecord;
import org.tritondatacenter.origin.steps.BuildResult;
import org.tritondatacenter.origin.steps.Step;
import org.tritondatacenter.origin.testkit.KeyKind;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.LocalTritonOptions;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

/** {@code tritonOriginBuild}, {@code plan} and {@code gc} as the adapters call them. */
class BuildStepTest {
  /**
   * Slower than the operation tests: through the runner the build keeps its default ten-minute
   * cleanup deadline, which must hold on a busy machine.
   */
  private static final ScaledClock CLOCK = ScaledClock.create(100);

  private static final String ORIGIN = "41bd4100-eb86-409a-85b0-e649aadf6f62";
  private static final String IMAGES =
      """
      [{"namePrefix": "triton-origin-x86_64", "desc": "origin on 24.4.1", "pkgsrc": ["curl"],
        "origin": {"uuid": "%s", "name": "minimal-64-lts", "version": "24.4.1"},
        "protoMinMemoryMb": 1024}]
      """
          .formatted(ORIGIN);

  @RegisterExtension
  static final LocalTritonExtension TRITON =
      LocalTritonExtension.withOptions(
          LocalTritonOptions.builder()
              .seedImagesJson(IMAGES)
              .clock(CLOCK.asJavaClock())
              .keyKinds(List.of(KeyKind.ECDSA_P256))
              .build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(TRITON);

  /** Resolves CloudAPI and the IMGAPI {@code updates} of the local Triton, signing with a key. */
  private static EndpointResolver resolver(LocalTriton t, KeyKind imgapiKey) {
    SigningKey rsa = SshKeys.parse(t.rsaKey().privateKeyText(), null, "rsa");
    SigningKey forImgapi = SshKeys.parse(t.key(imgapiKey).privateKeyText(), null, "imgapi key");
    return (service, name) ->
        switch (service) {
          case CLOUDAPI ->
              new ResolvedEndpoint(
                  service, "local", t.cloudApiUrl(), t.account(), null, rsa, null, null);
          case IMGAPI ->
              new ResolvedEndpoint(
                  service,
                  name == null ? "updates" : name,
                  t.imgapiUrl("updates"),
                  t.account(),
                  null,
                  forImgapi,
                  null,
                  "dev");
          case MANTA -> throw new TritonException("no Manta endpoint in this test");
        };
  }

  private static StepEnvironment environment(
      LocalTriton t, KeyKind imgapiKey, MemoryRunRecordStore store) {
    return StepEnvironment.builder()
        .endpoints(resolver(t, imgapiKey))
        .store(store, "the test record")
        .buildDefaults("feature/x", Instant.parse("2026-01-01T12:00:00Z"), "0123456789abcdef")
        .httpConfig(HttpConfig.builder().clock(CLOCK).sleeper(CLOCK).build())
        .build();
  }

  @Test
  void run_tritonOriginBuild_returnsTheContractsMapAndRecordsIt() {
    LocalTriton t = TRITON.triton();
    MemoryRunRecordStore store = new MemoryRunRecordStore();

    Map<String, Object> result =
        StepRunner.run(
            Step.TRITON_ORIGIN_BUILD,
            Map.of(
                "imagesJson",
                IMAGES,
                "imgapi",
                "updates",
                "concurrency",
                "2",
                "timeoutMinutes",
                1440),
            environment(t, KeyKind.RSA, store));

    BuildResult built = BuildResult.fromMap(result);
    assertThat(result)
        .containsOnlyKeys("buildId", "branch", "timestamp", "gitCommit", "images")
        .containsEntry("branch", "feature-x")
        .containsEntry("timestamp", "20260101T120000Z")
        .containsEntry("gitCommit", "0123456789abcdef");
    assertThat(built.images())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.name()).isEqualTo("triton-origin-x86_64-24.4.1");
              assertThat(i.version()).isEqualTo("feature-x-20260101T120000Z-g0123456");
              assertThat(i.origin()).isEqualTo(ORIGIN);
              assertThat(i.pkgs()).containsExactly("curl-8.6.0");
            });
    Object saved =
        RunRecord.parse(store.load().orElseThrow(), "test")
            .section("build", Map.class)
            .orElseThrow()
            .get("result");
    assertThat(saved).isEqualTo(result);
  }

  @Test
  void run_ecdsaKeyForImgapi_isRefusedNamingTheEndpointBeforeAnyRequest() {
    LocalTriton t = TRITON.triton();

    assertThatThrownBy(
            () ->
                StepRunner.run(
                    Step.TRITON_ORIGIN_BUILD,
                    Map.of("imagesJson", IMAGES, "channel", "dev"),
                    environment(t, KeyKind.ECDSA_P256, new MemoryRunRecordStore())))
        .isInstanceOfSatisfying(
            PreflightException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .asString()
                    .startsWith("IMGAPI endpoint 'updates'")
                    .contains("accepts RSA keys only"));
    assertThat(t.requests().all()).isEmpty();
  }

  @Test
  void plan_buildArguments_returnsThePlanWithoutMakingAnything() {
    LocalTriton t = TRITON.triton();
    MemoryRunRecordStore store = new MemoryRunRecordStore();

    Plan plan =
        BuildTools.plan(
            Map.of("imagesJson", IMAGES, "channel", "dev", "version", "2.0.0"),
            environment(t, KeyKind.RSA, store));

    assertThat(plan.channel()).isEqualTo("dev");
    assertThat(plan.images())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.version()).isEqualTo("2.0.0");
              assertThat(i.packageName()).isEqualTo("sample-1G");
            });
    assertThat(store.load()).isEmpty();
    assertThat(t.requests().count("CreateMachine")).isZero();
  }

  @Test
  void gc_nothingLeft_reportsNothing() {
    LocalTriton t = TRITON.triton();

    GcReport report =
        BuildTools.gc(
            BuildTools.GcOptions.listing().withDelete(true),
            environment(t, KeyKind.RSA, new MemoryRunRecordStore()));

    assertThat(report.found()).isEmpty();
    assertThat(report.deleteRequested()).isTrue();
    assertThat(t.requests().count("ListMachines")).isEqualTo(1);
    assertThat(t.requests().operation("ListImages")).isNotEmpty();
  }
}
