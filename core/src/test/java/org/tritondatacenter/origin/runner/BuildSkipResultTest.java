package org.tritondatacenter.origin.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.images.ImageSpec;
import org.tritondatacenter.origin.images.ImagesJsonReader;
import org.tritondatacenter.origin.operations.LocalOps;
import org.tritondatacenter.origin.operations.RecordingListener;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.steps.BuildResult;
import org.tritondatacenter.origin.steps.Step;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

/**
 * {@code tritonOriginBuild}'s result for images skipped because their spec is already published:
 * each names the published image it stands for.
 */
class BuildSkipResultTest {
  private static final ScaledClock CLOCK = ScaledClock.create(1000);

  /** What an earlier build and publish left in channel {@code dev}, one per images.json entry. */
  private static final List<String> PUBLISHED =
      List.of("6a0e2b8c-2f1d-4c55-9a8e-0d1c2b3a4f5e", "7b1f3c9d-3a2e-4d66-8b9f-1e2d3c4b5a6f");

  private static final List<String> VERSIONS =
      List.of("master-20251201T000000Z-gaaaaaaa", "master-20251202T000000Z-gbbbbbbb");

  @RegisterExtension
  static final LocalTritonExtension triton =
      LocalTritonExtension.withOptions(LocalOps.options(CLOCK).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(triton);

  private LocalOps ops;
  private List<ImageSpec> specs;

  @BeforeEach
  void setUp(LocalTriton t) {
    ops = new LocalOps(t, CLOCK);
    specs = ImagesJsonReader.strict().parse("images.json", LocalOps.IMAGES_JSON).images();
    for (int i = 0; i < specs.size(); i++) {
      t.imgapi("updates")
          .seedImage(
              Map.of(
                  "uuid",
                  PUBLISHED.get(i),
                  "name",
                  specs.get(i).imageName(),
                  "version",
                  VERSIONS.get(i),
                  "tags",
                  Map.of("triton-origin.spec", specs.get(i).specHash())),
              List.of("dev"));
    }
    t.requests().clear();
  }

  @Test
  void build_everySpecPublished_resultNamesThePublishedImages() {
    StepEnvironment environment =
        ops.environment(new MemoryRunRecordStore(), new RecordingListener())
            .buildDefaults(LocalOps.BRANCH, Instant.parse("2026-01-01T12:00:00Z"), LocalOps.COMMIT)
            .build();

    Map<String, Object> result =
        StepRunner.run(
            Step.TRITON_ORIGIN_BUILD,
            Map.of("imagesJson", LocalOps.IMAGES_JSON, "channel", "dev"),
            environment);

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> images = (List<Map<String, Object>>) result.get("images");
    assertThat(images).hasSize(2);
    for (int i = 0; i < images.size(); i++) {
      assertThat(images.get(i))
          .containsEntry("skipped", true)
          .containsEntry("uuid", PUBLISHED.get(i))
          .containsEntry("version", VERSIONS.get(i))
          .containsEntry("spec", specs.get(i).specHash());
    }
    // The map reads back as mantaExport reads it, uuid and all.
    assertThat(BuildResult.fromMap(result).images())
        .extracting(BuildResult.Image::uuid)
        .containsExactlyElementsOf(PUBLISHED);
    assertThat(ops.triton().requests().count("CreateMachine")).isZero();
  }
}
