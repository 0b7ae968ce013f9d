package org.tritondatacenter.origin.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.export.Export;
import org.tritondatacenter.origin.export.ExportSettings;
import org.tritondatacenter.origin.export.OriginPlatforms;
import org.tritondatacenter.origin.operations.LocalOps;
import org.tritondatacenter.origin.operations.RecordingListener;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.state.RecordKeeper;
import org.tritondatacenter.origin.steps.ExportResult;
import org.tritondatacenter.origin.steps.PublishResult;
import org.tritondatacenter.origin.steps.PublishResult.Outcome;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

/** {@code fileSource: auto} against a Manta served over https, as real ones are. */
class PublishUrlTest {
  private static final ScaledClock CLOCK = ScaledClock.create(1000);

  @RegisterExtension
  static final LocalTritonExtension triton =
      LocalTritonExtension.withOptions(LocalOps.options(CLOCK).tls(true).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(triton);

  private LocalOps ops;
  private RecordingListener listener;
  private ExportResult exported;

  @BeforeEach
  void setUp(LocalTriton t) {
    ops = new LocalOps(t, CLOCK);
    listener = new RecordingListener();
    exported =
        new Export(
                ops.cloudApi(),
                ops.manta(),
                new OriginPlatforms(List.of(ops.updates())),
                CLOCK,
                listener)
            .run(
                ops.build(),
                ExportSettings.ofProject("triton-origin-image", true),
                new RecordKeeper(new MemoryRunRecordStore(), "memory"));
  }

  private PublishResult publishAuto() {
    return new Publish(
            ops.updates(),
            new PublishSettings("dev", FileSourceMode.AUTO, false),
            CLOCK,
            CLOCK,
            listener)
        .run(
            PublishSources.fromExport(exported, ops.manta(), true),
            new RecordKeeper(new MemoryRunRecordStore(), "memory"));
  }

  @Test
  void publish_autoWithHttpsManta_handsImgapiASignedUrl() {
    PublishResult result = publishAuto();

    assertThat(result.images())
        .extracting(PublishResult.Image::result)
        .containsOnly(Outcome.PUBLISHED);
    assertThat(ops.triton().requests().count("AddImageFileFromUrl")).isEqualTo(2);
    assertThat(ops.triton().requests().count("AddImageFile")).isZero();
    assertThat(ops.triton().requests().operation("GetObject"))
        .anyMatch(r -> r.pathAndQuery().contains("signature="));
    secrets.record(listener.text());
  }

  @Test
  void publish_autoWhenImgapiCannotFetchTheUrl_streamsInstead() {
    ops.triton()
        .faults()
        .add(
            Fault.when(ServiceKind.MANTA, "GetObject")
                .matching(e -> e.query("signature") != null)
                .status(403, "InvalidQueryStringAuthentication", "simulated refusal"));

    PublishResult result = publishAuto();

    assertThat(result.images())
        .extracting(PublishResult.Image::result)
        .containsOnly(Outcome.PUBLISHED);
    assertThat(ops.triton().requests().count("AddImageFileFromUrl")).isEqualTo(2);
    assertThat(ops.triton().requests().count("AddImageFile")).isEqualTo(2);
    assertThat(listener.warnings()).anyMatch(w -> w.contains("streaming it instead"));
    assertThat(String.join("\n", listener.warnings())).doesNotContain("signature=");
    secrets.record(listener.text());
    for (ExportResult.Image image : exported.images()) {
      assertThat(ops.triton().imgapi("updates").image(image.uuid()).orElseThrow())
          .containsEntry("state", "active");
    }
  }
}
