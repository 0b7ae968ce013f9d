package org.tritondatacenter.origin.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.steps.BuildResult;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

/** Skipping images whose spec is already published in the target channel. */
class SkipTest {
  private static final ScaledClock CLOCK = ScaledClock.create(LocalBuild.SPEED);
  private static final String PUBLISHED = "6a0e2b8c-2f1d-4c55-9a8e-0d1c2b3a4f5e";

  @RegisterExtension
  static final LocalTritonExtension TRITON =
      LocalTritonExtension.withOptions(LocalBuild.options(CLOCK, LocalBuild.IMAGES_JSON).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(TRITON);

  /** Publishes, as an earlier build and publish would have, an image with image A's spec. */
  private static void publishSpecOfA(LocalTriton triton, String channel) {
    String spec = LocalBuild.images(LocalBuild.IMAGES_JSON).images().get(0).specHash();
    triton
        .imgapi("updates")
        .seedImage(
            Map.of(
                "uuid",
                PUBLISHED,
                "name",
                LocalBuild.IMAGE_A,
                "version",
                "master-20251201T000000Z-gaaaaaaa",
                "tags",
                Map.of("triton-origin.spec", spec)),
            List.of(channel));
  }

  @Test
  void run_sameSpecPublishedInTheChannel_skipsThatImage() {
    LocalTriton triton = TRITON.triton();
    LocalBuild local = new LocalBuild(triton, CLOCK);
    publishSpecOfA(triton, "dev");

    BuildResult result =
        local
            .operation(new MemoryRunRecordStore())
            .publishTarget(local.updates(), "dev")
            .build()
            .run(LocalBuild.request().build());

    BuildResult.Image a = result.images().get(0);
    assertThat(a.skipped()).isTrue();
    assertThat(a.uuid()).isEqualTo(PUBLISHED);
    assertThat(a.version()).isEqualTo("master-20251201T000000Z-gaaaaaaa");
    assertThat(a.pkgs()).isEmpty();
    assertThat(result.images().get(1).skipped()).isFalse();
    assertThat(triton.requests().count("CreateMachine")).isEqualTo(1);
    assertThat(local.machines())
        .singleElement()
        .satisfies(m -> assertThat((String) m.get("name")).endsWith("-2"));
  }

  @Test
  void run_sameSpecPublishedButForced_buildsItAgain() {
    LocalTriton triton = TRITON.triton();
    LocalBuild local = new LocalBuild(triton, CLOCK);
    publishSpecOfA(triton, "dev");

    BuildResult result =
        local
            .operation(new MemoryRunRecordStore())
            .publishTarget(local.updates(), "dev")
            .build()
            .run(LocalBuild.request().only(List.of(LocalBuild.IMAGE_A)).force(true).build());

    assertThat(result.images().get(0).skipped()).isFalse();
    assertThat(result.images().get(0).uuid()).isNotEqualTo(PUBLISHED);
    assertThat(triton.requests().count("CreateMachine")).isEqualTo(1);
  }

  @Test
  void run_sameSpecInAnotherChannel_buildsIt() {
    LocalTriton triton = TRITON.triton();
    LocalBuild local = new LocalBuild(triton, CLOCK);
    publishSpecOfA(triton, "experimental");

    BuildResult result =
        local
            .operation(new MemoryRunRecordStore())
            .publishTarget(local.updates(), "dev")
            .build()
            .run(LocalBuild.request().only(List.of(LocalBuild.IMAGE_A)).build());

    assertThat(result.images().get(0).skipped()).isFalse();
  }
}
