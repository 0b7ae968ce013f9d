package org.tritondatacenter.origin.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.cloudapi.CreateImageRequest;
import org.tritondatacenter.origin.cloudapi.ExportedImage;
import org.tritondatacenter.origin.cloudapi.ImageState;
import org.tritondatacenter.origin.cloudapi.Machine;
import org.tritondatacenter.origin.imgapi.Compression;
import org.tritondatacenter.origin.imgapi.Image;
import org.tritondatacenter.origin.imgapi.ImageFileStream;
import org.tritondatacenter.origin.imgapi.ImageManifest;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.manta.MantaPath;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ManualClock;

/**
 * The three clients handing an image on: CloudAPI makes and exports it, Manta holds and signs it,
 * the private IMGAPI fetches it from the signed URL, and the public IMGAPI gets it streamed from
 * the private one. What one service writes, the next must accept unchanged but for owner and {@code
 * public}.
 */
class ExportAndPublishTest {
  private static final ManualClock CLOCK = new ManualClock();

  @RegisterExtension
  static final LocalTritonExtension triton =
      LocalTritonExtension.withOptions(TritonClients.options(CLOCK).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(triton);

  private CloudApiClient cloud;
  private MantaClient manta;
  private ImgapiClient updates;
  private ImgapiClient images;
  private Machines machines;

  @BeforeEach
  void connect() {
    TritonClients clients = new TritonClients(triton.triton(), CLOCK);
    cloud = clients.cloudApi();
    manta = clients.manta();
    updates = clients.imgapi();
    images = clients.publicImgapi();
    machines = new Machines(cloud);
  }

  @Test
  void exportedImage_importedFromSignedUrlThenCopied_keepsItsFileAndManifest() throws Exception {
    Machine machine = machines.stopped(machines.request("it-export").build());
    String imageId =
        cloud
            .createImageFromMachine(
                CreateImageRequest.builder(machine.id(), Manifests.NAME, "20260101T000000Z")
                    .build())
            .image()
            .id();
    cloud.waitForImageState(imageId, ImageState.ACTIVE, Machines.WAIT);
    MantaPath dir = manta.path("~~/stor/it/export");
    manta.mkdirp(dir);
    ExportedImage exported = cloud.exportImage(imageId, dir.toString());
    ImageManifest manifest = read(manta.path(exported.manifestPath()));
    MantaPath file = manta.path(exported.imagePath());

    ImageManifest forUpdates = manifest.withOwner(ImageManifest.ZERO_UUID).withPublic(false);
    updates.adminImportImage(forUpdates, "experimental");
    updates.addImageFileFromUrl(
        imageId,
        manta.signUrl(file, Duration.ofMinutes(30)).uri(),
        null,
        manifest.file().sha1(),
        "experimental");
    Image published = updates.activateImage(imageId, "experimental");

    assertThat(published.file().sha1()).isEqualTo(manifest.file().sha1());
    assertThat(published.file().size()).isEqualTo(manifest.file().size());
    assertThat(published.origin()).isEqualTo(Machines.origin());
    assertThat(published.manifest().minPlatform()).isEqualTo(manifest.minPlatform());

    images.adminImportImage(forUpdates.withPublic(true), null);
    images.addImageFile(
        imageId,
        updates.imageFileSource(published, "experimental"),
        Compression.fromWireName(published.file().compression()),
        published.file().sha1(),
        published.file().size(),
        null);
    images.activateImage(imageId, null);
    try (ImageFileStream in = images.getImageFile(imageId, null)) {
      in.transferTo(OutputStream.nullOutputStream());
      assertThat(in.verified().sha1Hex()).isEqualTo(manifest.file().sha1());
    }

    images.deleteImage(imageId, null, false);
    updates.deleteImage(imageId, "experimental", true);
    cloud.deleteImage(imageId);
    manta.deleteObject(file);
    manta.deleteObject(manta.path(exported.manifestPath()));
    manta.deleteObject(dir);
    machines.destroy(machine.id());
  }

  private ImageManifest read(MantaPath path) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    manta.getObject(path, out);
    return ImageManifest.parse(out.toString(StandardCharsets.UTF_8), path.toString());
  }
}
