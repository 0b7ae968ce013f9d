package org.tritondatacenter.origin.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.imgapi.ImageManifest;
import org.tritondatacenter.origin.operations.LocalOps;
import org.tritondatacenter.origin.operations.RecordingListener;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.steps.BuildResult;
import org.tritondatacenter.origin.steps.ChannelAddResult;
import org.tritondatacenter.origin.steps.ExportResult;
import org.tritondatacenter.origin.steps.PublishResult;
import org.tritondatacenter.origin.steps.Step;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.imgapi.ImgapiSimulator;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

/**
 * Two images from build to every release channel, each step through {@link StepRunner} as the
 * adapters call it: build, export, publish to dev, channel-add to staging, release and support.
 */
class FullRunTest {
  /** Slower than the other operation tests: the build keeps its default cleanup deadline. */
  private static final ScaledClock CLOCK = ScaledClock.create(100);

  @RegisterExtension
  static final LocalTritonExtension triton =
      LocalTritonExtension.withOptions(LocalOps.options(CLOCK).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(triton);

  @Test
  @SuppressWarnings("unchecked")
  void fullRun_twoImages_endActiveInEveryChannelWithTheirFiles(LocalTriton t) throws Exception {
    LocalOps ops = new LocalOps(t, CLOCK);
    RecordingListener listener = new RecordingListener();
    MemoryRunRecordStore store = new MemoryRunRecordStore();
    StepEnvironment environment = ops.environment(store, listener).build();
    Map<String, Object> buildMap =
        StepRunner.run(
            Step.TRITON_ORIGIN_BUILD,
            Map.of(
                "imagesJson",
                LocalOps.IMAGES_JSON,
                "imgapi",
                "updates",
                "channel",
                "dev",
                "branch",
                LocalOps.BRANCH,
                "timestamp",
                LocalOps.TIMESTAMP,
                "gitCommit",
                LocalOps.COMMIT),
            environment);
    BuildResult build = BuildResult.fromMap(buildMap);
    assertThat(build.images()).hasSize(2).noneMatch(BuildResult.Image::skipped);
    assertThat(build.images()).allSatisfy(i -> assertThat(i.pkgs()).isNotEmpty());
    assertThat(build.images().get(1).audit()).isNotNull();

    Map<String, Object> exportMap =
        StepRunner.run(Step.MANTA_EXPORT, Map.of("build", buildMap), environment);
    ExportResult export = ExportResult.fromMap(exportMap);

    String dir = ops.buildDir();
    assertThat(export.dir()).isEqualTo(dir);
    assertThat(ops.mantaText(ops.projectDir() + "/master-latest").trim()).isEqualTo(dir);
    assertThat(t.manta().list(dir)).hasSize(9).contains("buildinfo.json", "md5sums.txt");
    for (String line : ops.mantaText(dir + "/md5sums.txt").lines().toList()) {
      String[] parts = line.split("  ", 2);
      assertThat(parts[0]).isEqualTo(ops.mantaMd5(dir + "/" + parts[1]));
    }

    Map<String, Object> publishMap =
        StepRunner.run(
            Step.IMGADM_PUBLISH, Map.of("export", exportMap, "channel", "dev"), environment);
    PublishResult published = PublishResult.fromMap(publishMap);
    assertThat(published.images())
        .extracting(PublishResult.Image::result)
        .containsOnly(PublishResult.Outcome.PUBLISHED);

    Map<String, Object> promoted =
        StepRunner.run(
            Step.IMGADM_CHANNEL_ADD,
            Map.of(
                "name",
                "triton-origin-",
                "version",
                build.images().get(0).version(),
                "channels",
                "staging,release,support"),
            environment);
    assertThat(ChannelAddResult.fromMap(promoted).changes())
        .hasSize(6)
        .extracting(ChannelAddResult.Change::result)
        .containsOnly(ChannelAddResult.Outcome.ADDED);

    ImgapiSimulator updates = t.imgapi("updates");
    for (int i = 0; i < 2; i++) {
      ExportResult.Image image = export.images().get(i);
      ImageManifest manifest = ImageManifest.parse(ops.mantaText(image.manifest()), "manifest");
      assertThat(manifest.owner()).isEqualTo(ImageManifest.ZERO_UUID);
      assertThat(manifest.isPublic()).isFalse();
      assertThat(manifest.minPlatform().get("7.0")).isNotEqualTo(t.cloud().computeNodePlatform());
      assertThat(ops.mantaText(dir + "/" + image.name() + "-" + image.version() + ".pkgs.txt"))
          .isEqualTo(String.join("\n", build.images().get(i).pkgs()) + "\n");
      String audit = build.images().get(i).audit();
      String auditPath = dir + "/" + image.name() + "-" + image.version() + ".pkgaudit";
      if (audit == null) {
        assertThat(t.manta().exists(auditPath)).isFalse();
      } else {
        assertThat(ops.mantaText(auditPath).strip()).isEqualTo(audit.strip());
      }

      Map<String, Object> onServer = updates.image(image.uuid()).orElseThrow();
      assertThat(onServer.get("state")).isEqualTo("active");
      assertThat((List<String>) onServer.get("channels"))
          .containsExactlyInAnyOrder("dev", "staging", "release", "support");
      assertThat(updates.fileSha1(image.uuid()))
          .isEqualTo(manifest.file().sha1())
          .isEqualTo(sha1Of(t, image.file()));
    }

    Map<String, Object> again =
        StepRunner.run(
            Step.IMGADM_PUBLISH, Map.of("export", exportMap, "channel", "dev"), environment);
    assertThat(PublishResult.fromMap(again).images())
        .extracting(PublishResult.Image::result)
        .containsOnly(PublishResult.Outcome.ALREADY_PUBLISHED);

    String record = store.load().orElseThrow();
    assertThat(record)
        .contains("\"build\"", "\"export\"", "\"publish\"", "\"channelAdd\"", "\"result\"");
    secrets.record(record);
    secrets.record(listener.text());
  }

  private static String sha1Of(LocalTriton t, String path) throws Exception {
    MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
    try (InputStream in = t.manta().read(path)) {
      sha1.update(in.readAllBytes());
    }
    return HexFormat.of().formatHex(sha1.digest());
  }
}
