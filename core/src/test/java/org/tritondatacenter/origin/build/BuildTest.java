package org.tritondatacenter.origin.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.cloudapi.Image;
import org.tritondatacenter.origin.cloudapi.ImageState;
import org.tritondatacenter.origin.images.ImageTags;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.state.RunRecord;
import org.tritondatacenter.origin.steps.BuildResult;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

class BuildTest {
  private static final ScaledClock CLOCK = ScaledClock.create(LocalBuild.SPEED);

  @RegisterExtension
  static final LocalTritonExtension TRITON =
      LocalTritonExtension.withOptions(LocalBuild.options(CLOCK, LocalBuild.IMAGES_JSON).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(TRITON);

  @Test
  void run_twoImages_buildsBothAndDeletesTheMachines() {
    LocalBuild local = new LocalBuild(TRITON.triton(), CLOCK);
    MemoryRunRecordStore store = new MemoryRunRecordStore();

    BuildResult result = local.operation(store).build().run(LocalBuild.request().build());

    Map<String, Object> map = result.toMap();
    assertThat(map)
        .containsEntry("branch", "master")
        .containsEntry("timestamp", "20260101T120000Z")
        .containsEntry("gitCommit", "0123456789abcdef0123456789abcdef01234567");
    assertThat((String) map.get("buildId")).startsWith("to-");
    assertThat(BuildResult.fromMap(map)).isEqualTo(result);
    assertThat(result.images())
        .extracting(BuildResult.Image::name)
        .containsExactly(LocalBuild.IMAGE_A, LocalBuild.IMAGE_B);
    for (BuildResult.Image image : result.images()) {
      assertThat(image.version()).isEqualTo("master-20260101T120000Z-g0123456");
      assertThat(image.skipped()).isFalse();
      assertThat(image.uuid()).isNotNull();
    }
    BuildResult.Image a = result.images().get(0);
    BuildResult.Image b = result.images().get(1);
    assertThat(a.origin()).isEqualTo(LocalBuild.ORIGIN_A);
    assertThat(a.pkgs()).contains("coreutils-9.4", "curl-8.6.0");
    assertThat(a.audit()).isNull();
    assertThat(b.pkgs()).contains("coreutils-9.4", "sudo-1.9.15p5");
    assertThat(b.audit()).contains("vulnerability");

    CloudApiClient cloudApi = local.cloudApi();
    for (BuildResult.Image built : result.images()) {
      Image image = cloudApi.getImage(built.uuid());
      assertThat(image.state()).isEqualTo(ImageState.ACTIVE);
      assertThat(image.name()).isEqualTo(built.name());
      assertThat(image.origin()).isEqualTo(built.origin());
      assertThat(image.tags())
          .containsEntry(ImageTags.BRANCH, "master")
          .containsEntry(ImageTags.TIMESTAMP, "20260101T120000Z")
          .containsEntry(ImageTags.GIT, "0123456789abcdef0123456789abcdef01234567")
          .containsEntry(ImageTags.SPEC, built.spec())
          .containsEntry(ImageTags.BUILD, result.buildId());
    }
    assertThat(cloudApi.getImage(b.uuid()).tags()).containsEntry("role", "origin");
    assertThat(cloudApi.getImage(b.uuid()).homepage()).isEqualTo("https://example.test/origin");
    assertThat(local.machines())
        .hasSize(2)
        .allSatisfy(m -> assertThat(m).containsEntry("state", "deleted"));
    assertThat(TRITON.triton().cloud().guest().modelErrors()).isEmpty();

    RunRecord record = RunRecord.parse(store.load().orElseThrow(), "test");
    BuildRecord saved = record.section(BuildRecord.SECTION, BuildRecord.class).orElseThrow();
    assertThat(saved.status()).isEqualTo(BuildRecord.Status.DONE);
    assertThat(saved.result()).isEqualTo(map);
    assertThat(saved.images())
        .allSatisfy(
            i -> {
              assertThat(i.phase()).isEqualTo(ImagePhase.DONE);
              assertThat(i.machineId()).isNull();
            });
    assertThat(local.phasesStarted(LocalBuild.IMAGE_A))
        .containsExactly(
            "build",
            "create machine",
            "wait for machine running",
            "wait for build script",
            "stop machine",
            "create image",
            "wait for image active");
    local.recordEvents(secrets);
  }

  @Test
  void run_finishedRecord_returnsTheSavedResultWithoutCallingCloudApi() {
    LocalBuild local = new LocalBuild(TRITON.triton(), CLOCK);
    MemoryRunRecordStore store = new MemoryRunRecordStore();
    BuildResult first =
        local
            .operation(store)
            .build()
            .run(LocalBuild.request().only(List.of(LocalBuild.IMAGE_A)).build());
    int requests = TRITON.triton().requests().all().size();

    BuildResult again =
        local
            .operation(store)
            .build()
            .run(LocalBuild.request().only(List.of(LocalBuild.IMAGE_A)).build());

    assertThat(again).isEqualTo(first);
    assertThat(TRITON.triton().requests().all()).hasSize(requests);
  }
}
