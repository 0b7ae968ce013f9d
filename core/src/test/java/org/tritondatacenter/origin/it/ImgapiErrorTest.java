package org.tritondatacenter.origin.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.imgapi.Compression;
import org.tritondatacenter.origin.imgapi.ImageManifest;
import org.tritondatacenter.origin.imgapi.ImageState;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.imgapi.ImgapiErrors;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ManualClock;

/**
 * The IMGAPI error codes a publisher acts on, as the server sends them and the client maps them.
 */
class ImgapiErrorTest {
  private static final ManualClock CLOCK = new ManualClock();
  private static final String CHANNEL = "experimental";

  @RegisterExtension
  static final LocalTritonExtension triton =
      LocalTritonExtension.withOptions(TritonClients.options(CLOCK).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(triton);

  private ImgapiClient imgapi;
  private ImageManifest manifest;

  @BeforeEach
  void connect() {
    imgapi = new TritonClients(triton.triton(), CLOCK).imgapi();
    manifest = Manifests.manifest("20260101T000000Z");
  }

  @Test
  void adminImportImage_uuidTaken_throwsImageUuidAlreadyExistsAndKeepsTheFirst() {
    imgapi.adminImportImage(manifest, CHANNEL);

    TritonApiException e = refused(() -> imgapi.adminImportImage(manifest, "dev"));

    assertThat(e.httpStatus()).isEqualTo(409);
    assertThat(e.hasCode(ImgapiErrors.IMAGE_UUID_ALREADY_EXISTS)).isTrue();
    assertThat(imgapi.getImage(manifest.uuid(), "*").state()).isEqualTo(ImageState.UNACTIVATED);
    imgapi.deleteImage(manifest.uuid(), CHANNEL, true);
  }

  @Test
  void adminImportImage_unknownOrigin_throwsOriginDoesNotExistAndImportsNothing() {
    ImageManifest orphan =
        Manifests.manifest("20260101T000000Z", UUID.randomUUID().toString(), false, null);

    TritonApiException e = refused(() -> imgapi.adminImportImage(orphan, CHANNEL));

    assertThat(e.httpStatus()).isEqualTo(422);
    assertThat(e.hasCode(ImgapiErrors.ORIGIN_DOES_NOT_EXIST)).isTrue();
    assertThat(triton.triton().imgapi("updates").image(orphan.uuid())).isEmpty();
  }

  @Test
  void activateImage_beforeAnyFile_throwsNoActivationNoFile() {
    imgapi.adminImportImage(manifest, CHANNEL);

    TritonApiException e = refused(() -> imgapi.activateImage(manifest.uuid(), CHANNEL));

    assertThat(e.httpStatus()).isEqualTo(422);
    assertThat(e.hasCode(ImgapiErrors.NO_ACTIVATION_NO_FILE)).isTrue();
    imgapi.deleteImage(manifest.uuid(), CHANNEL, true);
  }

  @Test
  void activateImage_secondTime_throwsImageAlreadyActivated() {
    publish();

    TritonApiException e = refused(() -> imgapi.activateImage(manifest.uuid(), CHANNEL));

    assertThat(e.httpStatus()).isEqualTo(422);
    assertThat(e.hasCode(ImgapiErrors.IMAGE_ALREADY_ACTIVATED)).isTrue();
    imgapi.deleteImage(manifest.uuid(), CHANNEL, true);
  }

  @Test
  void addImageFile_afterActivation_throwsImageFilesImmutableAndKeepsTheFile() {
    String sha1 = publish();

    TritonApiException e =
        refused(
            () ->
                imgapi.addImageFile(
                    manifest.uuid(),
                    ByteSource.ofBytes(new byte[] {9, 9, 9}, "replacement"),
                    Compression.GZIP,
                    null,
                    null,
                    CHANNEL));

    assertThat(e.httpStatus()).isEqualTo(422);
    assertThat(e.hasCode(ImgapiErrors.IMAGE_FILES_IMMUTABLE)).isTrue();
    assertThat(imgapi.getImage(manifest.uuid(), CHANNEL).file().sha1()).isEqualTo(sha1);
    imgapi.deleteImage(manifest.uuid(), CHANNEL, true);
  }

  @Test
  void getImage_unknownChannel_throwsValidationFailedNamingIt() {
    TritonApiException e = refused(() -> imgapi.getImage(Machines.origin(), "nightly"));

    assertThat(e.httpStatus()).isEqualTo(422);
    assertThat(e.hasCode(ImgapiErrors.VALIDATION_FAILED)).isTrue();
    assertThat(e.getMessage()).contains("nightly");
  }

  private String publish() {
    byte[] file = MantaObjectTest.bytes(2000);
    imgapi.adminImportImage(manifest, CHANNEL);
    imgapi.addImageFile(
        manifest.uuid(), ByteSource.ofBytes(file, "file"), Compression.GZIP, null, null, CHANNEL);
    imgapi.activateImage(manifest.uuid(), CHANNEL);
    return Manifests.sha1Hex(file);
  }

  private TritonApiException refused(Runnable call) {
    TritonApiException e = catchThrowableOfType(TritonApiException.class, call::run);
    assertThat(e).as("the call must be refused").isNotNull();
    secrets.record(e);
    return e;
  }
}
