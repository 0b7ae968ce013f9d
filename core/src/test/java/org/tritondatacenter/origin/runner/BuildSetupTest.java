package org.tritondatacenter.origin.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.KeyException;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.auth.SigningKey;
import org.tritondatacenter.origin.images.ImagesJsonException;
import org.tritondatacenter.origin.preflight.PreflightException;
import org.tritondatacenter.origin.steps.Step;

class BuildSetupTest {
  private static final String IMAGES =
      """
      [{"namePrefix": "triton-origin-x86_64", "desc": "d",
        "origin": {"uuid": "41bd4100-eb86-409a-85b0-e649aadf6f62",
                   "name": "minimal-64-lts", "version": "24.4.1"},
        "pkgsrc": ["curl"], "protoMinMemoryMb": 1024}]
      """;

  private static ResolvedEndpoint endpoint(Service service, String name, SigningKey key) {
    return new ResolvedEndpoint(
        service,
        name == null ? "default" : name,
        URI.create("https://" + service.name().toLowerCase() + ".example.test"),
        "alice",
        null,
        key,
        null,
        service == Service.IMGAPI ? "experimental" : null);
  }

  private static StepEnvironment environment(EndpointResolver resolver) {
    return StepEnvironment.builder()
        .endpoints(resolver)
        .buildDefaults("feature/x", Instant.parse("2025-01-16T17:52:11Z"), "b17eb8e0c2a4")
        .build();
  }

  private static BuildSetup setup(Map<String, Object> args, EndpointResolver resolver) {
    return BuildSetup.from(Step.TRITON_ORIGIN_BUILD.validate(args), environment(resolver));
  }

  private static Map<String, Object> args(Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("imagesJson", IMAGES);
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }

  @Test
  void from_environmentDefaults_giveTheStampAndVersion() {
    SigningKey rsa = FixtureKeys.load("openssh-rsa");
    BuildSetup setup = setup(args(), (s, n) -> endpoint(s, n, rsa));

    assertThat(setup.request().stamp().branch()).isEqualTo("feature-x");
    assertThat(setup.request().stamp().timestamp()).isEqualTo("20250116T175211Z");
    assertThat(setup.request().effectiveVersion()).isEqualTo("feature-x-20250116T175211Z-gb17eb8e");
    assertThat(setup.request().timeout()).hasMinutes(60);
    assertThat(setup.imgapi()).isNull();
  }

  @Test
  void from_argumentsOverrideTheEnvironment() {
    SigningKey rsa = FixtureKeys.load("openssh-rsa");
    BuildSetup setup =
        setup(
            args(
                "branch",
                "release-20250101",
                "timestamp",
                "20250102T030405Z",
                "gitCommit",
                "abcdef0123",
                "version",
                "1.2.3",
                "timeoutMinutes",
                5),
            (s, n) -> endpoint(s, n, rsa));

    assertThat(setup.request().stamp().branch()).isEqualTo("release-20250101");
    assertThat(setup.request().stamp().timestamp()).isEqualTo("20250102T030405Z");
    assertThat(setup.request().stamp().commit()).isEqualTo("abcdef0123");
    assertThat(setup.request().effectiveVersion()).isEqualTo("1.2.3");
    assertThat(setup.request().timeout()).hasMinutes(5);
  }

  @Test
  void from_channelAlone_usesTheDefaultImgapi() {
    SigningKey rsa = FixtureKeys.load("openssh-rsa");
    Map<Service, String> asked = new LinkedHashMap<>();
    BuildSetup setup =
        setup(
            args("channel", "dev"),
            (s, n) -> {
              asked.put(s, String.valueOf(n));
              return endpoint(s, n, rsa);
            });

    assertThat(asked).containsEntry(Service.IMGAPI, "null");
    assertThat(setup.imgapi()).isNotNull();
    assertThat(setup.channel()).isEqualTo("dev");
  }

  @Test
  void from_imgapiAlone_usesTheEndpointsDefaultChannel() {
    SigningKey rsa = FixtureKeys.load("openssh-rsa");
    BuildSetup setup = setup(args("imgapi", "updates"), (s, n) -> endpoint(s, n, rsa));

    assertThat(setup.channel()).isEqualTo("experimental");
  }

  @Test
  void from_noStampAnywhere_namesEveryMissingParameter() {
    StepEnvironment bare =
        StepEnvironment.builder()
            .endpoints(
                (s, n) -> {
                  throw new AssertionError("no endpoint may be resolved before the stamp");
                })
            .build();

    assertThatThrownBy(() -> BuildSetup.from(Step.TRITON_ORIGIN_BUILD.validate(args()), bare))
        .isInstanceOf(TritonException.class)
        .hasMessageContaining("'branch'")
        .hasMessageContaining("'timestamp'")
        .hasMessageContaining("'gitCommit'")
        .hasMessageContaining("git");
  }

  @Test
  void from_badImagesJson_failsBeforeAnyEndpointIsResolved() {
    assertThatThrownBy(
            () ->
                setup(
                    args("imagesJson", "[{\"namePrefix\": 1}]"),
                    (s, n) -> {
                      throw new AssertionError("resolved " + s);
                    }))
        .isInstanceOf(ImagesJsonException.class)
        .hasMessageContaining("images.json");
  }

  @Test
  void from_badImagesFileUnderACustomName_isReportedUnderThatName() {
    StepEnvironment env =
        StepEnvironment.builder()
            .endpoints(
                (s, n) -> {
                  throw new AssertionError("resolved " + s);
                })
            .buildDefaults("master", Instant.parse("2025-01-16T17:52:11Z"), "b17eb8e0c2a4")
            .imagesSource("ci/origins.json")
            .build();

    assertThatThrownBy(
            () ->
                BuildSetup.from(
                    Step.TRITON_ORIGIN_BUILD.validate(args("imagesJson", "[{\"namePrefix\": 1}]")),
                    env))
        .isInstanceOfSatisfying(
            ImagesJsonException.class,
            e -> {
              assertThat(e.file()).isEqualTo("ci/origins.json");
              assertThat(e.getMessage())
                  .startsWith("ci/origins.json is not a valid images file")
                  .contains("ci/origins.json:1:")
                  .doesNotContain("images.json");
            });
  }

  @Test
  void builder_blankImagesSource_isRefusedNamingTheSetting() {
    assertThatThrownBy(() -> StepEnvironment.builder().imagesSource(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("imagesSource");
  }

  @Test
  void from_onlyNamingAnUnknownImage_saysWhichExist() {
    assertThatThrownBy(
            () ->
                setup(
                    args("only", "triton-origin-x86_64-24.4.2"),
                    (s, n) -> {
                      throw new AssertionError("resolved " + s);
                    }))
        .hasMessageContaining("'triton-origin-x86_64-24.4.2'")
        .hasMessageContaining("triton-origin-x86_64-24.4.1");
  }

  @Test
  void from_keyTypesTheServicesRefuse_reportsBothEndpointsAtOnce() {
    SigningKey ed25519 = FixtureKeys.load("openssh-ed25519");
    SigningKey ecdsa = FixtureKeys.load("openssh-ecdsa256");

    assertThatThrownBy(
            () ->
                setup(
                    args("imgapi", "updates", "channel", "dev"),
                    (s, n) -> endpoint(s, n, s == Service.CLOUDAPI ? ed25519 : ecdsa)))
        .isInstanceOfSatisfying(
            PreflightException.class,
            e -> {
              assertThat(e.problems()).hasSize(2);
              assertThat(e.problems().get(0))
                  .startsWith("CloudAPI endpoint 'default' (https://cloudapi.example.test)")
                  .contains("cannot sign requests to CloudAPI")
                  .contains("Use an RSA key");
              assertThat(e.problems().get(1))
                  .startsWith("IMGAPI endpoint 'updates'")
                  .contains("cannot sign requests to IMGAPI, which accepts RSA keys only");
              assertThat(e.getCause()).isInstanceOf(KeyException.class);
            });
  }

  @Test
  void from_missingImagesJson_saysTheAdapterReadsTheFile() {
    Map<String, Object> noText = new LinkedHashMap<>();
    noText.put("images", "ci/images.json");

    assertThatThrownBy(() -> setup(noText, (s, n) -> endpoint(s, n, null)))
        .hasMessageContaining("'imagesJson'")
        .hasMessageContaining("ci/images.json");
  }
}
