package org.tritondatacenter.origin.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.auth.HttpSigner;
import org.tritondatacenter.origin.auth.SigningKey;
import org.tritondatacenter.origin.auth.SshKeys;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.http.Endpoint;
import org.tritondatacenter.origin.http.HttpConfig;
import org.tritondatacenter.origin.images.ImageSpec;
import org.tritondatacenter.origin.images.ImagesJsonReader;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.testkit.KeyKind;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.LocalTritonOptions;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;

/**
 * Each preflight check against a local Triton: what passes becomes the plan, what fails says why.
 */
class PreflightTest {
  private static final String ORIGIN = "41bd4100-eb86-409a-85b0-e649aadf6f62";
  private static final String BROKEN = "0c9a1f7e-6e2b-11e6-8a1c-3b0f6d3a1e11";
  private static final String VERSION = "master-20260101T120000Z-g0123456";

  private static final String SEED =
      """
      [{"namePrefix": "triton-origin-x86_64", "desc": "d", "pkgsrc": ["curl"],
        "origin": {"uuid": "%s", "name": "minimal-64-lts", "version": "24.4.1"},
        "protoMinMemoryMb": 1024}]
      """
          .formatted(ORIGIN);

  @RegisterExtension
  static final LocalTritonExtension TRITON =
      LocalTritonExtension.withOptions(LocalTritonOptions.builder().seedImagesJson(SEED).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(TRITON);

  private static SigningKey key(LocalTriton t) {
    return SshKeys.parse(t.rsaKey().privateKeyText(), null, "the testkit key");
  }

  private static CloudApiClient cloudApi(LocalTriton t, SigningKey key) {
    return CloudApiClient.create(
        CloudApiClient.signedEndpoint(t.cloudApiUrl(), t.account(), null, key, true),
        HttpConfig.defaults());
  }

  private static ImgapiClient updates(LocalTriton t) {
    HttpSigner signer = HttpSigner.create(Service.IMGAPI, t.account(), null, key(t), false);
    return ImgapiClient.create(
        Endpoint.signed(
            Service.IMGAPI, t.imgapiUrl("updates"), t.account(), null, signer::authorization),
        HttpConfig.defaults());
  }

  private static Preflight preflight(LocalTriton t) {
    return Preflight.builder(cloudApi(t, key(t))).build();
  }

  /** Returns the entries of an images.json made of {@code entries} (JSON objects). */
  private static List<ImageSpec> images(String... entries) {
    return ImagesJsonReader.strict()
        .parse("images.json", "[" + String.join(",", entries) + "]")
        .images();
  }

  private static String entry(String uuid, String name, String version, String extra) {
    return """
        {"namePrefix": "p-%s", "desc": "d", "pkgsrc": ["curl"], "protoMinMemoryMb": 1024,
         "origin": {"uuid": "%s", "name": "%s", "version": "%s"}%s}
        """
        .formatted(Integer.toHexString(extra.hashCode()), uuid, name, version, extra);
  }

  private static String good() {
    return entry(ORIGIN, "minimal-64-lts", "24.4.1", "");
  }

  private static List<String> problems(Runnable check) {
    try {
      check.run();
    } catch (PreflightException e) {
      return e.problems();
    }
    throw new AssertionError("preflight passed");
  }

  @Test
  void check_everythingFine_plansPackageAndDefaultNetworks() {
    LocalTriton t = TRITON.triton();

    Plan plan = preflight(t).check(images(good()), VERSION, false, false);

    PlannedImage image = plan.images().get(0);
    assertThat(image.name()).startsWith("p-").endsWith("-24.4.1");
    assertThat(image.version()).isEqualTo(VERSION);
    assertThat(image.packageName()).isEqualTo("sample-1G");
    assertThat(image.packageMemoryMb()).isEqualTo(1024);
    assertThat(image.networkIds()).isEmpty();
    assertThat(image.skipped()).isFalse();
    assertThat(plan.toBuild()).containsExactly(image);
    assertThat(plan.toMap())
        .extractingByKey("images")
        .asList()
        .singleElement()
        .isEqualTo(image.toMap());
    assertThat(image.toMap()).containsEntry("package", "sample-1G").containsEntry("skipped", false);
  }

  @Test
  void check_originMissing_saysToImportIt() {
    LocalTriton t = TRITON.triton();
    String missing = "11111111-2222-4333-8444-555555555555";

    assertThat(
            problems(
                () ->
                    preflight(t)
                        .check(
                            images(entry(missing, "minimal-64-lts", "24.4.1", "")),
                            VERSION,
                            false,
                            false)))
        .singleElement()
        .asString()
        .contains("origin minimal-64-lts@24.4.1 (" + missing + ")")
        .contains("does not exist in the datacenter")
        .contains("import it");
  }

  @Test
  void check_originInactive_saysSo() {
    LocalTriton t = TRITON.triton();
    String disabled = "22222222-3333-4444-8555-666666666666";
    t.cloud()
        .seedImage(
            Map.of(
                "uuid",
                disabled,
                "name",
                "minimal-64-lts",
                "version",
                "23.4.0",
                "state",
                "disabled",
                "disabled",
                true));

    assertThat(
            problems(
                () ->
                    preflight(t)
                        .check(
                            images(entry(disabled, "minimal-64-lts", "23.4.0", "")),
                            VERSION,
                            false,
                            false)))
        .singleElement()
        .asString()
        .contains("is disabled in the datacenter, not active");
  }

  @Test
  void check_originNamedOtherwise_namesBothAndTheFix() {
    LocalTriton t = TRITON.triton();

    assertThat(
            problems(
                () ->
                    preflight(t)
                        .check(
                            images(entry(ORIGIN, "base-64-lts", "24.4.1", "")),
                            VERSION,
                            false,
                            false)))
        .singleElement()
        .asString()
        .contains("images.json names origin " + ORIGIN + " base-64-lts@24.4.1")
        .contains("the datacenter's image " + ORIGIN + " is minimal-64-lts@24.4.1")
        .contains("fix origin.name and origin.version");
  }

  @Test
  void check_originKnownBroken_isRefusedByWhatTheDatacenterSays() {
    LocalTriton t = TRITON.triton();
    t.cloud().seedImage(Map.of("uuid", BROKEN, "name", "base-64-lts", "version", "16.4.1"));
    List<ImageSpec> mislabelled = images(entry(BROKEN, "base-64-lts", "23.4.0", ""));

    assertThat(problems(() -> preflight(t).check(mislabelled, VERSION, false, false)))
        .anySatisfy(p -> assertThat(p).contains("is base-64-lts@16.4.1"))
        .anySatisfy(p -> assertThat(p).contains("DATASET-1297").contains("known to be broken"));
    assertThat(problems(() -> preflight(t).check(mislabelled, VERSION, false, true)))
        .noneMatch(p -> p.contains("DATASET-1297"));
  }

  @Test
  void check_noFittingPackageAndUnknownNetwork_reportsBothAtOnce() {
    LocalTriton t = TRITON.triton();
    List<ImageSpec> specs =
        images(
            entry(ORIGIN, "minimal-64-lts", "24.4.1", ", \"networks\": [\"no-such-net\"]")
                .replace("\"protoMinMemoryMb\": 1024", "\"protoMinMemoryMb\": 64"));

    assertThat(problems(() -> preflight(t).check(specs, VERSION, false, false)))
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).contains("no package has between 64 and 128 MiB"))
        .anySatisfy(
            p -> assertThat(p).contains("network 'no-such-net'").contains("available: external"));
  }

  @Test
  void check_explicitNetworkAndPackage_areResolved() {
    LocalTriton t = TRITON.triton();
    List<ImageSpec> specs =
        images(
            entry(
                ORIGIN,
                "minimal-64-lts",
                "24.4.1",
                ", \"networks\": [\"external\"], \"package\": \"sample-4G\""));

    PlannedImage image = preflight(t).check(specs, VERSION, false, false).images().get(0);

    assertThat(image.networkNames()).containsExactly("external");
    assertThat(image.networkIds()).hasSize(1);
    assertThat(image.packageName()).isEqualTo("sample-4G");
  }

  @Test
  void check_originNotInThePublishChannel_pointsAtTools2196() {
    LocalTriton t = TRITON.triton();
    ImgapiClient updates = updates(t);
    updates.deleteImage(ORIGIN, "staging", false);

    Preflight toStaging =
        Preflight.builder(cloudApi(t, key(t))).publishTarget(updates, "staging").build();
    Preflight toDev = Preflight.builder(cloudApi(t, key(t))).publishTarget(updates, "dev").build();

    assertThat(problems(() -> toStaging.check(images(good()), VERSION, false, false)))
        .singleElement()
        .asString()
        .contains("is not in channel 'staging' of IMGAPI")
        .contains("TOOLS-2196")
        .contains("imgadmChannelAdd");
    assertThat(toDev.check(images(good()), VERSION, false, false).channel()).isEqualTo("dev");
  }

  @Test
  void check_keyNotOnTheAccount_saysCloudApiRefusedIt() {
    LocalTriton t = TRITON.triton();
    SigningKey stranger =
        SshKeys.parse(
            org.tritondatacenter.origin.testkit.auth.KeyGenerator.generate(KeyKind.RSA, "stranger")
                .privateKeyText(),
            null,
            "a key the account does not have");

    assertThat(
            problems(
                () ->
                    Preflight.builder(cloudApi(t, stranger))
                        .build()
                        .check(images(good()), VERSION, false, false)))
        .singleElement()
        .asString()
        .contains("refused the credentials of account '" + t.account() + "'")
        .contains("triton key list");
  }
}
