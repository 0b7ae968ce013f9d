package org.tritondatacenter.origin.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.imgapi.ImageManifest;
import org.tritondatacenter.origin.operations.LocalOps;
import org.tritondatacenter.origin.operations.RecordingListener;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.steps.ChannelAddResult;
import org.tritondatacenter.origin.steps.ExportResult;
import org.tritondatacenter.origin.steps.PublishResult;
import org.tritondatacenter.origin.steps.Step;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

/** The export, publish and channel-add handlers through {@link StepRunner}, form by form. */
class OperationHandlersTest {
  private static final ScaledClock CLOCK = ScaledClock.create(1000);

  @RegisterExtension
  static final LocalTritonExtension triton =
      LocalTritonExtension.withOptions(LocalOps.options(CLOCK).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(triton);

  private LocalOps ops;
  private RecordingListener listener;

  @BeforeEach
  void setUp(LocalTriton t) {
    ops = new LocalOps(t, CLOCK);
    listener = new RecordingListener();
  }

  private StepEnvironment environment() {
    return ops.environment(new MemoryRunRecordStore(), listener).build();
  }

  private Map<String, Object> export(StepEnvironment environment) {
    return StepRunner.run(
        Step.MANTA_EXPORT, Map.of("build", ops.build().toMap(), "project", "origins"), environment);
  }

  @Test
  void export_withoutAnyImgapiEndpoint_keepsMinPlatformAndSaysWhy() {
    StepEnvironment environment =
        StepEnvironment.builder()
            .endpoints(ops.resolver(Set.of("imgapi", EndpointResolver.PUBLIC_IMGAPI)))
            .listener(listener)
            .httpConfig(ops.config())
            .build();

    ExportResult result = ExportResult.fromMap(export(environment));

    assertThat(result.dir()).startsWith("/" + ops.account() + "/public/builds/origins/master-");
    ImageManifest manifest =
        ImageManifest.parse(ops.mantaText(result.images().get(0).manifest()), "manifest");
    assertThat(manifest.minPlatform())
        .containsEntry("7.0", ops.triton().cloud().computeNodePlatform());
    assertThat(listener.warnings()).anyMatch(w -> w.contains("configure an IMGAPI"));
  }

  @Test
  void publish_fromMantaDirectoryWithUrl_returnsTheContractMap() {
    StepEnvironment environment = environment();
    ExportResult exported = ExportResult.fromMap(export(environment));

    Map<String, Object> result =
        StepRunner.run(
            Step.IMGADM_PUBLISH,
            Map.of("from", exported.dir(), "channel", "experimental", "fileSource", "url"),
            environment);

    assertThat(result).containsOnlyKeys("images");
    assertThat(PublishResult.fromMap(result).images())
        .extracting(PublishResult.Image::channel)
        .containsOnly("experimental");
    assertThat(ops.triton().requests().count("AddImageFileFromUrl")).isEqualTo(2);
  }

  @Test
  void publish_fromAnotherImgapiMadePublic_publishesToTheNamedServer() {
    StepEnvironment environment = environment();
    Map<String, Object> exported = export(environment);
    StepRunner.run(Step.IMGADM_PUBLISH, Map.of("export", exported), environment);
    String uuid = ExportResult.fromMap(exported).images().get(1).uuid();

    Map<String, Object> result =
        StepRunner.run(
            Step.IMGADM_PUBLISH,
            Map.of(
                "sourceImgapi", "updates", "uuids", uuid, "imgapi", "images", "makePublic", true),
            environment);

    assertThat(PublishResult.fromMap(result).images())
        .singleElement()
        .satisfies(i -> assertThat(i.channel()).isNull());
    assertThat(ops.triton().imgapi("images").image(uuid).orElseThrow())
        .containsEntry("public", true)
        .containsEntry("state", "active");
  }

  @Test
  void publish_makePublicWithAChannel_isRefusedBeforeAnything() {
    assertThatThrownBy(
            () ->
                StepRunner.run(
                    Step.IMGADM_PUBLISH,
                    Map.of(
                        "sourceImgapi",
                        "updates",
                        "uuids",
                        LocalOps.ORIGIN_A,
                        "makePublic",
                        true,
                        "channel",
                        "dev"),
                    environment()))
        .isInstanceOf(TritonException.class)
        .hasMessageContaining("leave out 'channel'");
    assertThat(ops.triton().requests().all()).isEmpty();
  }

  @Test
  void publish_exportOfSkippedImagesOnly_saysNothingToPublish() {
    Map<String, Object> export = new ExportResult(ops.buildDir(), null, List.of()).toMap();

    Map<String, Object> result =
        StepRunner.run(Step.IMGADM_PUBLISH, Map.of("export", export), environment());

    assertThat(PublishResult.fromMap(result).images()).isEmpty();
    assertThat(listener.events()).anyMatch(RecordingListener.info("nothing to publish"));
  }

  @Test
  void channelAdd_dryRunByUuids_returnsWouldAddAndWritesNothing() {
    Map<String, Object> result =
        StepRunner.run(
            Step.IMGADM_CHANNEL_ADD,
            Map.of(
                "uuids",
                List.of(LocalOps.ORIGIN_A),
                "fromChannel",
                "dev",
                "channels",
                List.of("staging"),
                "dryRun",
                "true"),
            environment());

    assertThat(ChannelAddResult.fromMap(result).changes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.uuid()).isEqualTo(LocalOps.ORIGIN_A);
              assertThat(c.result()).isEqualTo(ChannelAddResult.Outcome.ALREADY_PRESENT);
            });
    assertThat(ops.triton().requests().all()).noneMatch(r -> r.method().equals("POST"));
  }
}
