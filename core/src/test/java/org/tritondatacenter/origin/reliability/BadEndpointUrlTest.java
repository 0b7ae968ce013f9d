package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.cloudapi.MachineFilter;
import org.tritondatacenter.origin.http.HttpConfig;
import org.tritondatacenter.origin.imgapi.ImageManifest;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.preflight.PreflightException;
import org.tritondatacenter.origin.runner.ResolvedEndpoint;
import org.tritondatacenter.origin.runner.StepEnvironment;
import org.tritondatacenter.origin.runner.StepRunner;
import org.tritondatacenter.origin.steps.Step;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.ManualClock;

/**
 * Endpoint URLs without a scheme, {@code file:} URLs, and plain {@code http:} to a host other than
 * this machine are refused with a message naming the URL, before a request is sent. Plain HTTP to
 * another host needs the explicit switch ({@link HttpConfig.Builder#allowInsecureHttp}, the command
 * line's {@code --allow-insecure-http}) and then still warns; loopback needs none.
 */
class BadEndpointUrlTest {
  private static final ManualClock CLOCK = new ManualClock();

  @RegisterExtension
  static final LocalTritonExtension TRITON =
      LocalTritonExtension.withOptions(Seeds.options(CLOCK).build());

  private static CloudApiClient cloudApi(Rig rig, String url) {
    return CloudApiClient.create(
        CloudApiClient.signedEndpoint(URI.create(url), rig.login(), null, rig.key, true),
        rig.config());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"cloudapi.example.com", "file:///etc/passwd", "ftp://cloudapi.test"})
  void endpoint_urlWithoutSchemeOrNotHttp_isRefusedNamingIt(String url) {
    Rig rig = Rig.on(TRITON.triton(), CLOCK, CLOCK);

    Throwable e = catchThrowable(() -> cloudApi(rig, url));

    assertThat(e).isInstanceOf(IllegalArgumentException.class);
    assertThat(e.getMessage()).contains("CloudAPI URL", "https://", url);
    assertThat(rig.triton.requests().all()).isEmpty();
  }

  @Test
  void endpoint_plainHttpToAnotherHost_isRefusedWithoutTheSwitch() {
    Rig rig = Rig.on(TRITON.triton(), CLOCK, CLOCK);

    Throwable e = catchThrowable(() -> cloudApi(rig, "http://cloudapi.example.test"));

    assertThat(e).isInstanceOf(IllegalArgumentException.class);
    assertThat(e.getMessage())
        .contains("http://cloudapi.example.test", "plain http://", "--allow-insecure-http");
  }

  @Test
  void endpoint_plainHttpToAnotherHostWithTheSwitch_worksAndWarns() throws Exception {
    LocalTriton triton = TRITON.triton();
    // The remote name leads to the local Triton, as a lab network's DNS would.
    OkHttpClient lab =
        new OkHttpClient.Builder().dns(host -> List.of(InetAddress.getByName("127.0.0.1"))).build();
    Rig rig = Rig.on(triton, CLOCK, CLOCK).with(c -> c.baseClient(lab).allowInsecureHttp(true));
    String url = "http://cloudapi.example.test:" + triton.cloudApiUrl().getPort();

    assertThat(cloudApi(rig, url).listMachines(MachineFilter.none())).isEmpty();

    assertThat(rig.events.warnings())
        .singleElement()
        .asString()
        .contains(url, "plain http://", "--allow-insecure-http");
  }

  @Test
  void endpoint_plainHttpToLoopback_needsNoSwitchAndNoWarning() {
    Rig rig = Rig.on(TRITON.triton(), CLOCK, CLOCK);

    assertThat(rig.cloudApi().listMachines(MachineFilter.none())).isEmpty();

    assertThat(rig.triton.cloudApiUrl().getScheme()).isEqualTo("http");
    assertThat(rig.events.warnings()).isEmpty();
  }

  @Test
  void build_endpointResolvedToPlainHttpRemote_failsPreflightNamingTheEndpointAndSendsNothing() {
    LocalTriton triton = TRITON.triton();
    Rig rig = Rig.on(triton, CLOCK, CLOCK);
    StepEnvironment environment =
        StepEnvironment.builder()
            .endpoints(
                (service, name) ->
                    new ResolvedEndpoint(
                        service,
                        "lab",
                        URI.create("http://" + service.name().toLowerCase() + ".example.test"),
                        triton.account(),
                        null,
                        rig.key,
                        null,
                        "dev"))
            .buildDefaults("master", java.time.Instant.now(), "0123456789abcdef")
            .httpConfig(rig.config())
            .build();

    Throwable e =
        catchThrowable(
            () ->
                StepRunner.run(
                    Step.TRITON_ORIGIN_BUILD,
                    Map.of("imagesJson", Seeds.IMAGES_JSON, "channel", "dev"),
                    environment));

    assertThat(e).isInstanceOf(PreflightException.class);
    assertThat(((PreflightException) e).problems())
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).contains("CloudAPI endpoint 'lab'", "--allow-insecure-http"))
        .anySatisfy(p -> assertThat(p).contains("IMGAPI endpoint 'lab'", "--allow-insecure-http"));
    assertThat(triton.requests().all()).isEmpty();
  }

  @Test
  void addImageFileFromUrl_fileUrl_isRefusedBeforeAnyRequest() {
    LocalTriton triton = TRITON.triton();
    ImgapiClient imgapi = Rig.on(triton, CLOCK, CLOCK).updates();
    ImageManifest manifest = Rig.manifest("reliability-urls", "1.0.0");

    Throwable e =
        catchThrowable(
            () ->
                imgapi.addImageFileFromUrl(
                    manifest.uuid(), URI.create("file:///etc/shadow"), null, null, "dev"));

    assertThat(e).isInstanceOf(IllegalArgumentException.class);
    assertThat(e.getMessage()).contains("is not one IMGAPI can fetch", "https://");
    assertThat(triton.requests().all()).isEmpty();
  }
}
