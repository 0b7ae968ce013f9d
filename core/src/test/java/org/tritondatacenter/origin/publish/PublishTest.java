package org.tritondatacenter.origin.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.TritonException;
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
import org.tritondatacenter.origin.testkit.imgapi.ImgapiSimulator;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

class PublishTest {
  private static final ScaledClock CLOCK = ScaledClock.create(1000);

  @RegisterExtension
  static final LocalTritonExtension triton =
      LocalTritonExtension.withOptions(LocalOps.options(CLOCK).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(triton);

  private LocalOps ops;
  private RecordingListener listener;
  private ImgapiSimulator updates;
  private ExportResult exported;

  @BeforeEach
  void setUp(LocalTriton t) {
    ops = new LocalOps(t, CLOCK);
    listener = new RecordingListener();
    updates = t.imgapi("updates");
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

  private PublishResult publish(
      PublishSettings settings, List<PublishItem> items, RecordKeeper record) {
    return new Publish(ops.updates(), settings, CLOCK, CLOCK, listener).run(items, record);
  }

  private List<PublishItem> fromExport() {
    return PublishSources.fromExport(exported, ops.manta(), false);
  }

  private static RecordKeeper record() {
    return new RecordKeeper(new MemoryRunRecordStore(), "memory");
  }

  private static PublishSettings dev(FileSourceMode mode) {
    return new PublishSettings("dev", mode, false);
  }

  @SuppressWarnings("unchecked")
  private void assertActiveIn(ImgapiSimulator server, String uuid, String... channels) {
    Map<String, Object> image = server.image(uuid).orElseThrow();
    assertThat(image.get("state")).isEqualTo("active");
    if (channels.length > 0) {
      assertThat((List<String>) image.get("channels")).containsExactlyInAnyOrder(channels);
    }
    Map<String, Object> file = ((List<Map<String, Object>>) image.get("files")).get(0);
    assertThat(file.get("sha1")).isEqualTo(server.fileSha1(uuid));
  }

  private String exportedSha1(int i) {
    return org.tritondatacenter.origin.imgapi.ImageManifest.parse(
            ops.mantaText(exported.images().get(i).manifest()), "manifest")
        .file()
        .sha1();
  }

  @Test
  void publish_fromExportStreamed_importsAddsFileAndActivatesEachImage() {
    PublishResult result = publish(dev(FileSourceMode.STREAM), fromExport(), record());

    assertThat(result.images())
        .extracting(
            PublishResult.Image::uuid, PublishResult.Image::channel, PublishResult.Image::result)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                exported.images().get(0).uuid(), "dev", Outcome.PUBLISHED),
            org.assertj.core.groups.Tuple.tuple(
                exported.images().get(1).uuid(), "dev", Outcome.PUBLISHED));
    for (int i = 0; i < 2; i++) {
      String uuid = exported.images().get(i).uuid();
      assertActiveIn(updates, uuid, "dev");
      assertThat(updates.fileSha1(uuid)).isEqualTo(exportedSha1(i));
    }
    assertThat(ops.triton().requests().count("AdminImportImage")).isEqualTo(2);
    assertThat(ops.triton().requests().count("AddImageFile")).isEqualTo(2);
    assertThat(ops.triton().requests().count("AddImageFileFromUrl")).isZero();
    assertThat(ops.triton().requests().count("ActivateImage")).isEqualTo(2);
  }

  @Test
  void publish_rerun_isANoOpThatReportsAlreadyPublished() {
    RecordKeeper record = record();
    publish(dev(FileSourceMode.AUTO), fromExport(), record);
    ops.triton().requests().clear();

    PublishResult sameRecord = publish(dev(FileSourceMode.AUTO), fromExport(), record);
    PublishResult freshRecord = publish(dev(FileSourceMode.AUTO), fromExport(), record());

    assertThat(sameRecord.images())
        .extracting(PublishResult.Image::result)
        .containsOnly(Outcome.ALREADY_PUBLISHED);
    assertThat(freshRecord.images())
        .extracting(PublishResult.Image::result)
        .containsOnly(Outcome.ALREADY_PUBLISHED);
    assertThat(ops.triton().requests().all())
        .noneMatch(
            r ->
                r.method().equals("POST")
                    || r.method().equals("PUT")
                    || r.method().equals("DELETE"));
  }

  @Test
  void publish_fileSourceUrl_letsImgapiFetchTheSignedUrl() {
    PublishResult result = publish(dev(FileSourceMode.URL), fromExport(), record());

    assertThat(result.images())
        .extracting(PublishResult.Image::result)
        .containsOnly(Outcome.PUBLISHED);
    assertThat(ops.triton().requests().count("AddImageFileFromUrl")).isEqualTo(2);
    assertThat(ops.triton().requests().count("AddImageFile")).isZero();
    for (int i = 0; i < 2; i++) {
      assertThat(updates.fileSha1(exported.images().get(i).uuid())).isEqualTo(exportedSha1(i));
    }
    secrets.record(listener.text());
  }

  @Test
  void publish_autoOverPlainHttp_streams() {
    publish(
        dev(FileSourceMode.AUTO),
        PublishSources.fromExport(exported, ops.manta(), false),
        record());

    assertThat(ops.triton().requests().count("AddImageFile")).isEqualTo(2);
    assertThat(ops.triton().requests().count("AddImageFileFromUrl")).isZero();
  }

  @Test
  void publish_fromMantaDirectory_findsEveryManifestAndItsFile() {
    List<PublishItem> items = PublishSources.fromMantaDirectory(ops.manta(), exported.dir(), false);

    PublishResult result = publish(dev(FileSourceMode.STREAM), items, record());

    assertThat(result.images())
        .extracting(PublishResult.Image::uuid)
        .containsExactlyInAnyOrder(
            exported.images().get(0).uuid(), exported.images().get(1).uuid());
  }

  @Test
  void publish_localManifestAndFile_streamsFromDisk(@TempDir Path dir) throws Exception {
    ExportResult.Image image = exported.images().get(1);
    Path manifest = dir.resolve("image.imgmanifest");
    Path file = dir.resolve("image.zfs.gz");
    Files.writeString(manifest, ops.mantaText(image.manifest()));
    try (var in = ops.triton().manta().read(image.file())) {
      Files.copy(in, file);
    }

    PublishResult result =
        publish(
            dev(FileSourceMode.AUTO),
            List.of(
                PublishSources.fromManifestAndFile(
                    manifest.toString(), file.toString(), ops.manta(), false)),
            record());

    assertThat(result.images())
        .singleElement()
        .extracting(PublishResult.Image::uuid)
        .isEqualTo(image.uuid());
    assertActiveIn(updates, image.uuid(), "dev");
  }

  @Test
  void publish_mantaManifestAndFile_readsBothFromManta() {
    ExportResult.Image image = exported.images().get(0);

    PublishResult result =
        publish(
            dev(FileSourceMode.STREAM),
            List.of(
                PublishSources.fromManifestAndFile(
                    image.manifest(), image.file(), ops.manta(), false)),
            record());

    assertThat(result.images())
        .singleElement()
        .extracting(PublishResult.Image::result)
        .isEqualTo(Outcome.PUBLISHED);
  }

  @Test
  void publish_urlForALocalFile_isRefusedBeforeAnyChange(@TempDir Path dir) throws Exception {
    ExportResult.Image image = exported.images().get(0);
    Path manifest = dir.resolve("m.imgmanifest");
    Path file = dir.resolve("f.zfs.gz");
    Files.writeString(manifest, ops.mantaText(image.manifest()));
    Files.write(file, new byte[] {1});

    assertThatThrownBy(
            () ->
                publish(
                    dev(FileSourceMode.URL),
                    List.of(
                        PublishSources.fromManifestAndFile(
                            manifest.toString(), file.toString(), null, false)),
                    record()))
        .isInstanceOf(TritonException.class)
        .hasMessageContaining("fileSource 'url' needs the image file in Manta");
    assertThat(ops.triton().requests().count("AdminImportImage")).isZero();
  }

  @Test
  void publish_originMissingFromTargetChannel_failsFirstNamingTheFix() {
    ops.updates().deleteImage(LocalOps.ORIGIN_A, "support", false);

    assertThatThrownBy(
            () ->
                publish(
                    new PublishSettings("support", FileSourceMode.AUTO, false),
                    fromExport(),
                    record()))
        .isInstanceOf(TritonException.class)
        .hasMessageContaining("origin " + LocalOps.ORIGIN_A)
        .hasMessageContaining("not in channel 'support'")
        .hasMessageContaining("imgadmChannelAdd");
    assertThat(ops.triton().requests().count("AdminImportImage")).isZero();
  }

  @Test
  void publish_noChannelGiven_usesTheServerDefault() {
    PublishResult result =
        publish(new PublishSettings(null, FileSourceMode.STREAM, false), fromExport(), record());

    assertThat(result.images()).extracting(PublishResult.Image::channel).containsOnly("dev");
  }

  @Test
  void publish_activeElsewhere_addsTheWantedChannel() {
    publish(dev(FileSourceMode.STREAM), fromExport(), record());

    PublishResult result =
        publish(
            new PublishSettings("experimental", FileSourceMode.STREAM, false),
            fromExport(),
            record());

    assertThat(result.images())
        .extracting(PublishResult.Image::result)
        .containsOnly(Outcome.ALREADY_PUBLISHED);
    assertActiveIn(updates, exported.images().get(0).uuid(), "dev", "experimental");
  }

  @Test
  void publish_nothingToPublish_saysSoAndSendsNothing() {
    PublishResult result = publish(dev(FileSourceMode.AUTO), List.of(), record());

    assertThat(result.images()).isEmpty();
    assertThat(listener.events()).anyMatch(RecordingListener.info("nothing to publish"));
    assertThat(ops.triton().requests().count("AdminImportImage")).isZero();
  }

  @Test
  void publish_fromAnotherImgapiMadePublic_publishesToThePublicServer() {
    publish(dev(FileSourceMode.STREAM), fromExport(), record());
    String uuid = exported.images().get(0).uuid();

    PublishResult result =
        new Publish(
                ops.imgapi("images"),
                new PublishSettings(null, FileSourceMode.AUTO, true),
                CLOCK,
                CLOCK,
                listener)
            .run(PublishSources.fromImgapi(ops.updates(), List.of(uuid)), record());

    assertThat(result.images())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.result()).isEqualTo(Outcome.PUBLISHED);
              assertThat(i.channel()).isNull();
            });
    ImgapiSimulator images = ops.triton().imgapi("images");
    assertThat(images.image(uuid).orElseThrow())
        .containsEntry("public", true)
        .containsEntry("state", "active");
    assertThat(images.fileSha1(uuid)).isEqualTo(updates.fileSha1(uuid));
  }
}
