package org.tritondatacenter.origin.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.cloudapi.CreateImageRequest;
import org.tritondatacenter.origin.cloudapi.CreatedImage;
import org.tritondatacenter.origin.cloudapi.ExportedImage;
import org.tritondatacenter.origin.cloudapi.Image;
import org.tritondatacenter.origin.cloudapi.ImageFile;
import org.tritondatacenter.origin.cloudapi.ImageState;
import org.tritondatacenter.origin.cloudapi.Machine;
import org.tritondatacenter.origin.imgapi.ImageManifest;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.manta.MantaObject;
import org.tritondatacenter.origin.manta.MantaPath;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ManualClock;

/** CreateImageFromMachine, the wait for {@code active}, ExportImage into Manta and DeleteImage. */
class CloudApiImageTest {
  private static final ManualClock CLOCK = new ManualClock();
  private static final String NAME = "triton-origin-x86_64-24.4.1";
  private static final String VERSION = "20260101T000000Z";

  @RegisterExtension
  static final LocalTritonExtension triton =
      LocalTritonExtension.withOptions(TritonClients.options(CLOCK).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(triton);

  private CloudApiClient cloud;
  private MantaClient manta;
  private Machines machines;

  @BeforeEach
  void connect() {
    TritonClients clients = new TritonClients(triton.triton(), CLOCK);
    cloud = clients.cloudApi();
    manta = clients.manta();
    machines = new Machines(cloud);
  }

  @Test
  void createImageFromMachine_stoppedMachine_becomesActiveExportsAndDeletes() throws Exception {
    Machine machine = machines.stopped(machines.request("it-image").build());

    CreatedImage created =
        cloud.createImageFromMachine(
            CreateImageRequest.builder(machine.id(), NAME, VERSION)
                .description("integration test image")
                .tag("triton-origin.build", "it-image")
                .build());

    assertThat(created.image().state()).isEqualTo(ImageState.CREATING);
    assertThat(created.jobId()).hasSize(36);
    String imageId = created.image().id();
    Image active = cloud.waitForImageState(imageId, ImageState.ACTIVE, Machines.WAIT);
    assertThat(active.origin()).isEqualTo(Machines.origin());
    assertThat(active.tags()).containsEntry("triton-origin.build", "it-image");
    ImageFile file = active.files().get(0);

    MantaPath dir = manta.path("/" + manta.login() + "/stor/builds/it-image");
    manta.mkdirp(dir);
    ExportedImage exported = cloud.exportImage(imageId, dir.toString());

    String base = dir + "/" + NAME + "-" + VERSION;
    assertThat(exported.manifestPath()).isEqualTo(base + ".imgmanifest");
    assertThat(exported.imagePath()).isEqualTo(base + ".zfs.gz");
    ByteArrayOutputStream manifestBytes = new ByteArrayOutputStream();
    manta.getObject(manta.path(exported.manifestPath()), manifestBytes);
    ImageManifest manifest =
        ImageManifest.parse(manifestBytes.toString(StandardCharsets.UTF_8), "exported manifest");
    assertThat(manifest.uuid()).isEqualTo(imageId);
    assertThat(manifest.origin()).isEqualTo(Machines.origin());
    assertThat(manifest.file().sha1()).isEqualTo(file.sha1());
    assertThat(manifest.minPlatform()).isNotEmpty();

    ByteArrayOutputStream fileBytes = new ByteArrayOutputStream();
    MantaObject object = manta.getObject(manta.path(exported.imagePath()), fileBytes);
    assertThat(object.size()).isEqualTo(file.size());
    assertThat(sha1(fileBytes.toByteArray())).isEqualTo(file.sha1());

    cloud.deleteImage(imageId);
    assertThatThrownBy(() -> cloud.getImage(imageId))
        .isInstanceOfSatisfying(TritonApiException.class, e -> assertThat(e.isNotFound()).isTrue());
    manta.deleteObject(manta.path(exported.imagePath()));
    manta.deleteObject(manta.path(exported.manifestPath()));
    manta.deleteObject(dir);
    machines.destroy(machine.id());
  }

  private static String sha1(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
  }
}
