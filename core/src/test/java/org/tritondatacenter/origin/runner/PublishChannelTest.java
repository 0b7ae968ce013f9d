package org.tritondatacenter.origin.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.operations.LocalOps;
import org.tritondatacenter.origin.operations.RecordingListener;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.steps.ExportResult;
import org.tritondatacenter.origin.steps.PublishResult;
import org.tritondatacenter.origin.steps.Step;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

/**
 * Which channel {@code imgadmPublish} publishes into: the {@code channel} argument, else the
 * endpoint's default channel (such as {@code UPDATES_IMGADM_CHANNEL}), else the server's default.
 */
class PublishChannelTest {
  private static final ScaledClock CLOCK = ScaledClock.create(1000);

  @RegisterExtension
  static final LocalTritonExtension triton =
      LocalTritonExtension.withOptions(LocalOps.options(CLOCK).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(triton);

  private LocalOps ops;

  @BeforeEach
  void setUp(LocalTriton t) {
    ops = new LocalOps(t, CLOCK);
  }

  /**
   * Returns an environment whose default IMGAPI ({@code updates}) has {@code defaultChannel}, as an
   * adapter resolves it from its configuration; null leaves the server to choose.
   */
  private StepEnvironment environment(String defaultChannel) {
    EndpointResolver base = ops.resolver();
    EndpointResolver resolver =
        (service, name) -> {
          ResolvedEndpoint e = base.resolve(service, name);
          if (service != Service.IMGAPI || !e.name().equals("updates")) {
            return e;
          }
          return new ResolvedEndpoint(
              e.service(),
              e.name(),
              e.url(),
              e.login(),
              e.subUser(),
              e.key(),
              e.tls(),
              defaultChannel);
        };
    return ops.environment(new MemoryRunRecordStore(), new RecordingListener())
        .endpoints(resolver)
        .build();
  }

  /** Builds and exports both images, then publishes the export with {@code arguments} added. */
  private PublishResult exportAndPublish(
      StepEnvironment environment, Map<String, Object> arguments) {
    Map<String, Object> exported =
        StepRunner.run(
            Step.MANTA_EXPORT,
            Map.of("build", ops.build().toMap(), "project", "origins"),
            environment);
    Map<String, Object> publish = new HashMap<>(arguments);
    publish.put("export", exported);
    PublishResult result =
        PublishResult.fromMap(StepRunner.run(Step.IMGADM_PUBLISH, publish, environment));
    assertThat(result.images())
        .extracting(PublishResult.Image::uuid)
        .containsExactlyElementsOf(
            ExportResult.fromMap(exported).images().stream()
                .map(ExportResult.Image::uuid)
                .toList());
    return result;
  }

  /** Asserts that every published image is active in exactly {@code channel} on the server. */
  private void assertLandedIn(PublishResult result, String channel) {
    assertThat(result.images())
        .hasSize(2)
        .allSatisfy(
            i -> {
              assertThat(i.channel()).isEqualTo(channel);
              assertThat(ops.triton().imgapi("updates").image(i.uuid()).orElseThrow())
                  .containsEntry("state", "active")
                  .containsEntry("channels", List.of(channel));
            });
    assertThat(ops.triton().requests().operation("AdminImportImage"))
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.pathAndQuery()).contains("channel=" + channel));
  }

  @Test
  void publish_noChannelArgument_usesTheEndpointsDefaultChannel() {
    PublishResult result = exportAndPublish(environment("staging"), Map.of());

    assertLandedIn(result, "staging");
  }

  @Test
  void publish_explicitChannel_winsOverTheEndpointsDefault() {
    PublishResult result =
        exportAndPublish(environment("staging"), Map.of("channel", "experimental"));

    assertLandedIn(result, "experimental");
    assertThat(ops.triton().requests().all())
        .noneMatch(r -> r.pathAndQuery().contains("channel=staging"));
  }

  @Test
  void publish_noChannelAnywhere_usesTheServersDefaultChannel() {
    String serverDefault = ops.triton().imgapi("updates").channels().get(0);
    assertThat(serverDefault).isNotIn("staging", "experimental");

    PublishResult result = exportAndPublish(environment(null), Map.of());

    assertLandedIn(result, serverDefault);
    assertThat(ops.triton().requests().count("ListChannels")).isPositive();
  }
}
