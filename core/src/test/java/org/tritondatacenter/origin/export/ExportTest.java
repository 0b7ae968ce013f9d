package org.tritondatacenter.origin.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.http.Json;
import org.tritondatacenter.origin.imgapi.ImageManifest;
import org.tritondatacenter.origin.operations.LocalOps;
import org.tritondatacenter.origin.operations.RecordingListener;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.state.RecordKeeper;
import org.tritondatacenter.origin.steps.BuildResult;
import org.tritondatacenter.origin.steps.ExportResult;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

class ExportTest {
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

  private Export export(OriginPlatforms origins) {
    return new Export(ops.cloudApi(), ops.manta(), origins, CLOCK, listener);
  }

  private Export export() {
    return export(new OriginPlatforms(List.of(ops.updates())));
  }

  private static RecordKeeper record() {
    return new RecordKeeper(new MemoryRunRecordStore(), "memory");
  }

  private ImageManifest manifestAt(String path) {
    return ImageManifest.parse(ops.mantaText(path), path);
  }

  @SuppressWarnings("unchecked")
  private String originPlatform(String origin) {
    Map<String, Object> image = ops.triton().imgapi("updates").image(origin).orElseThrow();
    Map<String, Object> requirements = (Map<String, Object>) image.get("requirements");
    return ((Map<String, String>) requirements.get("min_platform")).get("7.0");
  }

  @Test
  void export_twoImages_writesTheBuildDirectoryAndLatestLast() throws Exception {
    BuildResult build = ops.build();
    RecordKeeper record = record();

    ExportResult result =
        export().run(build, ExportSettings.ofProject("triton-origin-image", true), record);

    String dir = ops.buildDir();
    assertThat(result.dir()).isEqualTo(dir);
    assertThat(result.latest()).isEqualTo(ops.projectDir() + "/master-latest");
    assertThat(ops.mantaText(result.latest()).trim()).isEqualTo(dir);
    String a = "triton-origin-x86_64-21.4.0-" + build.images().get(0).version();
    String b = "triton-origin-x86_64-24.4.1-" + build.images().get(1).version();
    assertThat(ops.triton().manta().list(dir))
        .containsExactlyInAnyOrder(
            a + ".imgmanifest",
            a + ".zfs.gz",
            a + ".pkgs.txt",
            b + ".imgmanifest",
            b + ".zfs.gz",
            b + ".pkgs.txt",
            b + ".pkgaudit",
            "buildinfo.json",
            "md5sums.txt");
    assertThat(ops.mantaText(dir + "/" + a + ".pkgs.txt")).isEqualTo("coreutils-9.4\ncurl-8.6.0\n");
    assertThat(ops.mantaText(dir + "/" + b + ".pkgaudit")).isEqualTo("0 vulnerable packages\n");

    for (int i = 0; i < 2; i++) {
      BuildResult.Image built = build.images().get(i);
      ExportResult.Image exported = result.images().get(i);
      ImageManifest manifest = manifestAt(exported.manifest());
      assertThat(manifest.uuid()).isEqualTo(built.uuid());
      assertThat(manifest.owner()).isEqualTo(ImageManifest.ZERO_UUID);
      assertThat(manifest.isPublic()).isFalse();
      assertThat(manifest.minPlatform()).containsEntry("7.0", originPlatform(built.origin()));
      assertThat(manifest.minPlatform().get("7.0"))
          .isNotEqualTo(ops.triton().cloud().computeNodePlatform());
      assertThat(exported.md5()).isEqualTo(ops.mantaMd5(exported.file()));
    }

    String md5sums = ops.mantaText(dir + "/md5sums.txt");
    List<String> lines = md5sums.lines().toList();
    assertThat(lines).hasSize(8);
    for (String line : lines) {
      String[] parts = line.split("  ", 2);
      assertThat(parts[0]).matches("[0-9a-f]{32}").isEqualTo(ops.mantaMd5(dir + "/" + parts[1]));
    }

    JsonNode info = Json.mapper().readTree(ops.mantaText(dir + "/buildinfo.json"));
    assertThat(info.path("branch").asText()).isEqualTo("master");
    assertThat(info.path("timestamp").asText()).isEqualTo(LocalOps.TIMESTAMP);
    assertThat(info.path("git").asText()).isEqualTo(LocalOps.COMMIT);
    assertThat(info.path("buildId").asText()).isEqualTo(build.buildId());
    assertThat(info.path("images").size()).isEqualTo(2);

    assertThat(ops.triton().cloud().images())
        .extracting(m -> m.get("uuid"))
        .doesNotContain(build.images().get(0).uuid(), build.images().get(1).uuid());

    List<Long> puts =
        ops.triton().requests().operation("PutObject").stream().map(r -> r.sequence()).toList();
    long latestPut =
        ops.triton().requests().operation("PutObject").stream()
            .filter(r -> r.pathAndQuery().endsWith("master-latest"))
            .findFirst()
            .orElseThrow()
            .sequence();
    assertThat(latestPut).isEqualTo(puts.get(puts.size() - 1));
    secrets.record(record.json());
    secrets.record(listener.text());
  }

  @Test
  void export_sameRecordAfterFinish_returnsTheResultWithoutRequests() {
    BuildResult build = ops.build();
    RecordKeeper record = record();
    ExportResult first =
        export().run(build, ExportSettings.ofProject("triton-origin-image", false), record);
    ops.triton().requests().clear();

    ExportResult again =
        export().run(build, ExportSettings.ofProject("triton-origin-image", false), record);

    assertThat(again).isEqualTo(first);
    assertThat(ops.triton().requests().all()).isEmpty();
    deleteImages(build);
  }

  @Test
  void export_everyImageSkipped_writesNothing() {
    BuildResult.Image skipped =
        new BuildResult.Image(
            "triton-origin-x86_64-21.4.0",
            "1.0",
            "6a0e2b8c-2f1d-4c55-9a8e-0d1c2b3a4f5e",
            LocalOps.ORIGIN_A,
            "ab".repeat(32),
            true,
            List.of(),
            null);
    BuildResult build =
        new BuildResult(
            "to-20260101T120000-abcdef",
            "master",
            LocalOps.TIMESTAMP,
            LocalOps.COMMIT,
            List.of(skipped));

    ExportResult result =
        export().run(build, ExportSettings.ofProject("triton-origin-image", true), record());

    assertThat(result.images()).isEmpty();
    assertThat(result.latest()).isNull();
    assertThat(ops.triton().manta().exists(ops.projectDir())).isFalse();
    assertThat(ops.triton().requests().all())
        .noneMatch(r -> r.method().equals("PUT") || r.method().equals("POST"));
  }

  @Test
  void export_latestNamesNewerBuild_leavesItAndSaysSo() {
    String newer = ops.projectDir() + "/master-20270101T000000Z";
    ops.manta().mkdirp(ops.manta().path(ops.projectDir()));
    ops.manta()
        .putObject(
            ops.manta().path(ops.projectDir() + "/master-latest"),
            org.tritondatacenter.origin.http.ByteSource.ofBytes(
                (newer + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), "latest"));
    BuildResult build = ops.build();

    ExportResult result =
        export().run(build, ExportSettings.ofProject("triton-origin-image", true), record());

    assertThat(result.latest()).isNull();
    assertThat(ops.mantaText(ops.projectDir() + "/master-latest").trim()).isEqualTo(newer);
    assertThat(listener.warnings()).anyMatch(w -> w.contains("already names the newer build"));
    assertThat(ops.triton().manta().exists(ops.buildDir() + "/md5sums.txt")).isTrue();
  }

  @Test
  void export_latestNamesOlderBuild_movesItForward() {
    ops.manta().mkdirp(ops.manta().path(ops.projectDir()));
    ops.manta()
        .putObject(
            ops.manta().path(ops.projectDir() + "/master-latest"),
            org.tritondatacenter.origin.http.ByteSource.ofBytes(
                (ops.projectDir() + "/master-20250101T000000Z\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "latest"));
    BuildResult build = ops.build();

    ExportResult result =
        export().run(build, ExportSettings.ofProject("triton-origin-image", true), record());

    assertThat(result.latest()).isNotNull();
    assertThat(ops.mantaText(result.latest()).trim()).isEqualTo(ops.buildDir());
  }

  @Test
  void export_noServerHasTheOrigin_keepsMinPlatformAndWarns() {
    BuildResult build = ops.build();

    ExportResult result =
        export(OriginPlatforms.none())
            .run(build, ExportSettings.ofProject("triton-origin-image", true), record());

    ImageManifest manifest = manifestAt(result.images().get(0).manifest());
    assertThat(manifest.minPlatform())
        .containsEntry("7.0", ops.triton().cloud().computeNodePlatform());
    assertThat(manifest.owner()).isEqualTo(ImageManifest.ZERO_UUID);
    assertThat(listener.warnings()).anyMatch(w -> w.contains("keeps"));
  }

  @Test
  void export_onlyPublicServerHasTheOrigin_readsItThere() {
    BuildResult build = ops.build();

    ExportResult result =
        export(new OriginPlatforms(List.of(ops.imgapi("images"))))
            .run(build, ExportSettings.ofProject("triton-origin-image", true), record());

    ImageManifest manifest = manifestAt(result.images().get(1).manifest());
    assertThat(manifest.minPlatform()).containsEntry("7.0", originPlatform(LocalOps.ORIGIN_B));
  }

  @Test
  void export_givenPath_writesThereAndLatestBesideIt() {
    BuildResult build = ops.build();
    String path = "/" + ops.account() + "/stor/custom/out";

    ExportResult result = export().run(build, new ExportSettings(null, path, true), record());

    assertThat(result.dir()).isEqualTo(path);
    assertThat(result.latest()).isEqualTo("/" + ops.account() + "/stor/custom/master-latest");
    assertThat(ops.triton().manta().list(path)).contains("md5sums.txt", "buildinfo.json");
  }

  @Test
  void export_imageNoLongerInTheDatacenter_failsBeforeWritingAnything() {
    BuildResult build = ops.build();
    ops.cloudApi().deleteImage(build.images().get(1).uuid());

    assertThatThrownBy(
            () ->
                export()
                    .run(build, ExportSettings.ofProject("triton-origin-image", true), record()))
        .isInstanceOf(TritonException.class)
        .hasMessageContaining(build.images().get(1).uuid())
        .hasMessageContaining("is not in the datacenter");
    assertThat(ops.triton().manta().exists(ops.projectDir())).isFalse();
    assertThat(ops.triton().requests().count("ExportImage")).isZero();
  }

  private void deleteImages(BuildResult build) {
    build.images().forEach(i -> ops.cloudApi().deleteImage(i.uuid()));
  }
}
