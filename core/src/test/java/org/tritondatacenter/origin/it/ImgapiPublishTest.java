package org.tritondatacenter.origin.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.imgapi.Channel;
import org.tritondatacenter.origin.imgapi.Compression;
import org.tritondatacenter.origin.imgapi.Image;
import org.tritondatacenter.origin.imgapi.ImageFileStream;
import org.tritondatacenter.origin.imgapi.ImageManifest;
import org.tritondatacenter.origin.imgapi.ImageQuery;
import org.tritondatacenter.origin.imgapi.ImageState;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.imgapi.Ping;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.manta.MantaPath;
import org.tritondatacenter.origin.manta.SignedUrl;
import org.tritondatacenter.origin.testkit.LocalTritonOptions;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ManualClock;

/** Publishing to a standalone IMGAPI: import, add the file, activate, promote, list and delete. */
class ImgapiPublishTest {
  private static final ManualClock CLOCK = new ManualClock();

  @RegisterExtension
  static final LocalTritonExtension triton =
      LocalTritonExtension.withOptions(TritonClients.options(CLOCK).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(triton);

  private TritonClients clients;
  private ImgapiClient imgapi;

  @BeforeEach
  void connect() {
    clients = new TritonClients(triton.triton(), CLOCK);
    imgapi = clients.imgapi();
  }

  @Test
  void ping_signedOrAnonymous_namesTheUserOnlyWhenVerified() {
    Ping signed = imgapi.ping();
    Ping anonymous = clients.anonymousImgapi().ping();

    assertThat(signed.ping()).isEqualTo("pong");
    assertThat(signed.user()).isEqualTo(clients.login());
    assertThat(signed.authenticated()).isTrue();
    assertThat(anonymous.authenticated()).isFalse();
  }

  @Test
  void listChannels_privateServer_listsTheStandardChannelsWithDevDefault() {
    List<Channel> channels = imgapi.listChannels();

    assertThat(channels)
        .extracting(Channel::name)
        .containsExactlyInAnyOrderElementsOf(LocalTritonOptions.DEFAULT_CHANNELS);
    assertThat(channels)
        .filteredOn(Channel::isDefault)
        .extracting(Channel::name)
        .containsExactly("dev");
  }

  @Test
  void publish_intoExperimentalThenPromoted_servesAVerifiedFileFromBothChannels() throws Exception {
    byte[] file = MantaObjectTest.bytes(256 * 1024 + 3);
    ImageManifest manifest = Manifests.manifest("20260101T000000Z");
    String uuid = manifest.uuid();

    Image imported = imgapi.adminImportImage(manifest, "experimental");
    assertThat(imported.state()).isEqualTo(ImageState.UNACTIVATED);
    assertThat(imported.channels()).containsExactly("experimental");
    assertThat(imported.owner()).isEqualTo(ImageManifest.ZERO_UUID);

    Image withFile =
        imgapi.addImageFile(
            uuid,
            ByteSource.ofBytes(file, "image file"),
            Compression.GZIP,
            Manifests.sha1Hex(file),
            (long) file.length,
            "experimental");
    assertThat(withFile.file().sha1()).isEqualTo(Manifests.sha1Hex(file));
    assertThat(withFile.file().size()).isEqualTo(file.length);

    Image active = imgapi.activateImage(uuid, "experimental");
    assertThat(active.state()).isEqualTo(ImageState.ACTIVE);
    assertThat(active.publishedAt()).isNotNull();

    assertThat(imgapi.getImage(uuid, "*").channels()).containsExactly("experimental");
    TritonApiException notInDev =
        catchThrowableOfType(TritonApiException.class, () -> imgapi.getImage(uuid, "dev"));
    assertThat(notInDev.isNotFound()).isTrue();

    try (ImageFileStream in = imgapi.getImageFile(uuid, "*")) {
      assertThat(in.readAllBytes()).isEqualTo(file);
      assertThat(in.verified().sha1Hex()).isEqualTo(Manifests.sha1Hex(file));
    }

    Image promoted = imgapi.channelAddImage(uuid, "experimental", "dev");
    assertThat(promoted.channels()).containsExactlyInAnyOrder("experimental", "dev");
    assertThat(imgapi.channelAddImage(uuid, "experimental", "dev").channels())
        .as("adding a channel again is a no-op")
        .containsExactlyInAnyOrder("experimental", "dev");
    assertThat(clients.anonymousImgapi().getImage(uuid, "dev").uuid()).isEqualTo(uuid);

    imgapi.deleteImage(uuid, "dev", true);
    assertThat(clients.triton.imgapi("updates").image(uuid)).isEmpty();
  }

  @Test
  void listImages_substringNameAndLatest_keepsTheNewestPerName() {
    String older =
        publish(
            Manifests.manifest(
                "20260101T000000Z", Machines.origin(), false, "2026-01-01T00:00:00.000Z"),
            "dev");
    String newer =
        publish(
            Manifests.manifest(
                "20260201T000000Z", Machines.origin(), false, "2026-02-01T00:00:00.000Z"),
            "dev");
    ImageQuery query =
        ImageQuery.builder().name("~triton-origin-").channel("*").pageSize(2).build();

    List<Image> all = imgapi.listImages(query);
    List<Image> latest = imgapi.listLatestImages(query);

    assertThat(all).extracting(Image::uuid).containsExactly(older, newer);
    assertThat(latest).extracting(Image::uuid).containsExactly(newer);
    assertThat(imgapi.listImages(ImageQuery.builder().name("~minimal-64").channel("*").build()))
        .extracting(Image::name)
        .containsOnly("minimal-64-lts")
        .hasSize(TritonClients.images().images().size());
    imgapi.deleteImage(older, "dev", true);
    imgapi.deleteImage(newer, "dev", true);
  }

  @Test
  void addImageFileFromUrl_mantaSignedUrl_imgapiFetchesAndRecordsTheFile() throws Exception {
    byte[] file = MantaObjectTest.bytes(128 * 1024);
    MantaClient manta = clients.manta();
    MantaPath dir = manta.path("~~/stor/it/from-url");
    manta.mkdirp(dir);
    MantaPath object = dir.resolve(Manifests.NAME + ".zfs.gz");
    manta.putObject(object, ByteSource.ofBytes(file, "exported image file"));
    SignedUrl url = manta.signUrl(object, Duration.ofMinutes(10));
    secrets.record(url.toString());
    ImageManifest manifest = Manifests.manifest("20260301T000000Z");
    imgapi.adminImportImage(manifest, "experimental");

    Image withFile =
        imgapi.addImageFileFromUrl(
            manifest.uuid(), url.uri(), null, Manifests.sha1Hex(file), "experimental");

    assertThat(withFile.file().sha1()).isEqualTo(Manifests.sha1Hex(file));
    assertThat(withFile.file().size()).isEqualTo(file.length);
    assertThat(withFile.file().compression()).isEqualTo("gzip");
    assertThat(clients.triton.requests().operation("GetObject"))
        .singleElement()
        .satisfies(r -> assertThat(r.header("Authorization")).isNull());
    imgapi.deleteImage(manifest.uuid(), "experimental", true);
    manta.deleteObject(object);
  }

  @Test
  void publish_publicModeServer_publishesAPublicImageWithoutChannels() {
    ImgapiClient images = clients.publicImgapi();
    byte[] file = MantaObjectTest.bytes(4096);
    ImageManifest manifest = Manifests.manifest("20260401T000000Z", Machines.origin(), true, null);

    images.adminImportImage(manifest, null);
    images.addImageFile(
        manifest.uuid(),
        ByteSource.ofBytes(file, "public file"),
        Compression.GZIP,
        null,
        null,
        null);
    Image active = images.activateImage(manifest.uuid(), null);

    assertThat(active.isPublic()).isTrue();
    assertThat(active.state()).isEqualTo(ImageState.ACTIVE);
    assertThat(active.channels()).isEmpty();
    TritonApiException noChannels =
        catchThrowableOfType(TritonApiException.class, images::listChannels);
    assertThat(noChannels.httpStatus()).isEqualTo(404);
    images.deleteImage(manifest.uuid(), null, false);
  }

  /** Imports, adds a small file and activates; returns the uuid. */
  private String publish(ImageManifest manifest, String channel) {
    byte[] file = MantaObjectTest.bytes(1000);
    imgapi.adminImportImage(manifest, channel);
    imgapi.addImageFile(
        manifest.uuid(), ByteSource.ofBytes(file, "file"), Compression.GZIP, null, null, channel);
    imgapi.activateImage(manifest.uuid(), channel);
    return manifest.uuid();
  }
}
