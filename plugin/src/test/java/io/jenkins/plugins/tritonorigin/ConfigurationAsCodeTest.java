package io.jenkins.plugins.tritonorigin;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.casc.misc.junit.jupiter.AbstractRoundTripTest;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The endpoints survive Configuration as Code: loaded from YAML, checked and applied through the
 * CasC web page, and loaded again from {@code jenkins.yaml} after a restart.
 */
class ConfigurationAsCodeTest extends AbstractRoundTripTest {

  @Override
  protected void assertConfiguredAsExpected(JenkinsRule j, String configContent) {
    TritonOriginConfiguration config = TritonOriginConfiguration.get();

    assertThat(config.getCloudapi()).hasSize(2);
    CloudApiEndpoint east = config.getCloudapi().get(0);
    assertThat(east.getName()).isEqualTo("us-east-1");
    assertThat(east.getUrl()).isEqualTo("https://us-east-1.api.example.com");
    assertThat(east.getAccount()).isEqualTo("builder");
    assertThat(east.getSubUser()).isEqualTo("ci");
    assertThat(east.getCredentialsId()).isEqualTo("triton-builder");
    assertThat(east.isDefaultEndpoint()).isTrue();
    assertThat(config.getCloudapi().get(1).isDefaultEndpoint()).isFalse();
    assertThat(config.getCloudapi().get(1).isInsecure()).isTrue();

    assertThat(config.getManta())
        .singleElement()
        .satisfies(
            manta -> {
              assertThat(manta.getUrl()).isEqualTo("https://us-central.manta.example.com");
              assertThat(manta.getUser()).isEqualTo("builder");
              assertThat(manta.isDefaultEndpoint()).isTrue();
            });

    assertThat(config.getImgapi()).hasSize(2);
    ImgapiEndpoint updates = config.getImgapi().get(0);
    assertThat(updates.getName()).isEqualTo("updates");
    assertThat(updates.getDefaultChannel()).isEqualTo("experimental");
    assertThat(updates.getCredentialsId()).isEqualTo("updates-signer");
    assertThat(updates.isDefaultEndpoint()).isTrue();
    assertThat(config.getImgapi().get(1).getUser()).isNull();
  }

  @Override
  protected String stringInLogExpected() {
    return "Setting class io.jenkins.plugins.tritonorigin.ImgapiEndpoint.defaultChannel ="
        + " experimental";
  }
}
