package io.jenkins.plugins.tritonorigin;

import com.cloudbees.jenkins.plugins.sshcredentials.impl.BasicSSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import java.time.Clock;
import java.util.List;
import org.jvnet.hudson.test.JenkinsRule;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.LocalTritonOptions;
import org.tritondatacenter.origin.testkit.SimulatedTimings;

/** Starts a local Triton and points the plugin's endpoints and credentials at it. */
final class LocalTritonFixture {
  static final String CREDENTIALS_ID = "triton-builder";

  /** One image, on an origin the local Triton seeds, with packages in its guest catalogue. */
  static final String IMAGES_JSON =
      """
      [
        {
          "namePrefix": "triton-origin-test",
          "desc": "Test origin image based on minimal-64-lts 24.4.1",
          "origin": {
            "uuid": "41bd4100-eb86-409a-85b0-e649aadf6f62",
            "name": "minimal-64-lts",
            "version": "24.4.1"
          },
          "pkgsrc": ["coreutils", "curl"],
          "protoMinMemoryMb": 1024
        }
      ]
      """;

  private LocalTritonFixture() {}

  static LocalTriton start(SimulatedTimings timings, Clock clock) {
    return LocalTriton.start(
        LocalTritonOptions.builder()
            .seedImagesJson(IMAGES_JSON)
            .timings(timings)
            .clock(clock)
            .build());
  }

  /**
   * Adds the local Triton's RSA key as SSH credentials and configures one CloudAPI, one Manta and
   * one IMGAPI endpoint ({@code updates}), each the default of its service.
   */
  static void configure(JenkinsRule j, LocalTriton triton) throws Exception {
    BasicSSHUserPrivateKey key =
        new BasicSSHUserPrivateKey(
            CredentialsScope.GLOBAL,
            CREDENTIALS_ID,
            triton.account(),
            new BasicSSHUserPrivateKey.DirectEntryPrivateKeySource(
                triton.rsaKey().privateKeyText()),
            null,
            "local Triton key");
    CredentialsProvider.lookupStores(j.jenkins)
        .iterator()
        .next()
        .addCredentials(Domain.global(), key);

    CloudApiEndpoint cloudapi =
        new CloudApiEndpoint("local", triton.cloudApiUrl().toString(), CREDENTIALS_ID);
    cloudapi.setDefaultEndpoint(true);
    MantaEndpoint manta = new MantaEndpoint("local", triton.mantaUrl().toString(), CREDENTIALS_ID);
    manta.setDefaultEndpoint(true);
    ImgapiEndpoint updates =
        new ImgapiEndpoint("updates", triton.imgapiUrl("updates").toString(), CREDENTIALS_ID);
    updates.setDefaultEndpoint(true);
    updates.setDefaultChannel("dev");

    TritonOriginConfiguration config = TritonOriginConfiguration.get();
    config.setCloudapi(List.of(cloudapi));
    config.setManta(List.of(manta));
    config.setImgapi(List.of(updates));
  }

  /** Returns a line from the middle of the private key, which must never reach a build log. */
  static String keyMaterial(LocalTriton triton) {
    List<String> lines = triton.rsaKey().privateKeyText().lines().toList();
    return lines.get(lines.size() / 2);
  }

  /** Escapes text for a Groovy single-quoted triple string inside a Pipeline script. */
  static String groovyText(String text) {
    return text.replace("\\", "\\\\").replace("'''", "\\'\\'\\'");
  }
}
