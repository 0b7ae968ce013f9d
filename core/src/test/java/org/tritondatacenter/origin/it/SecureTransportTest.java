package org.tritondatacenter.origin.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.http.TlsSettings;
import org.tritondatacenter.origin.imgapi.Image;
import org.tritondatacenter.origin.imgapi.ImageManifest;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.manta.MantaInputStream;
import org.tritondatacenter.origin.manta.MantaPath;
import org.tritondatacenter.origin.manta.PutOptions;
import org.tritondatacenter.origin.manta.SignedUrl;
import org.tritondatacenter.origin.testkit.http.RequestRecord;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ManualClock;

/**
 * The clients over HTTPS, trusting the local Triton's self-signed certificate, with Manta refusing
 * plain-HTTP writes as the real one does, and CloudAPI and Manta requests signed by a sub-user.
 */
class SecureTransportTest {
  private static final ManualClock CLOCK = new ManualClock();
  private static final String SUB_USER = "ci";

  @RegisterExtension
  static final LocalTritonExtension triton =
      LocalTritonExtension.withOptions(
          TritonClients.options(CLOCK).tls(true).requireTlsWrites(true).subUser(SUB_USER).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(triton);

  @TempDir Path temp;
  private TritonClients clients;

  @BeforeEach
  void connect() throws Exception {
    Path pem = temp.resolve("local-triton.pem");
    Files.writeString(pem, triton.triton().certificatePem());
    clients = new TritonClients(triton.triton(), CLOCK, SUB_USER, TlsSettings.trusting(pem));
  }

  @Test
  void cloudApiAndManta_subUserOverHttps_signAsTheSubUser() throws Exception {
    assertThat(clients.cloudApi().listPackages()).isNotEmpty();
    MantaClient manta = clients.manta();
    MantaPath path = manta.path("~~/stor/it/tls/object.bin");
    byte[] bytes = MantaObjectTest.bytes(10_000);

    manta.putObject(path, ByteSource.ofBytes(bytes, "secure bytes"), mkdirs());
    try (MantaInputStream in = manta.getObject(path)) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }

    assertThat(clients.triton.cloudApiUrl().getScheme()).isEqualTo("https");
    RequestRecord list = clients.triton.requests().operation("ListPackages").get(0);
    assertThat(list.principal().subUser()).isEqualTo(SUB_USER);
    assertThat(list.header("Authorization")).contains("keyId=\"/alice/users/ci/keys/");
    RequestRecord put = clients.triton.requests().operation("PutObject").get(0);
    assertThat(put.principal().subUser()).isEqualTo(SUB_USER);
    assertThat(put.header("Authorization")).contains("keyId=\"/alice/ci/keys/");
    manta.deleteObject(path);
  }

  @Test
  void addImageFileFromUrl_httpsSignedMantaUrl_isFetchedByImgapi() {
    MantaClient manta = clients.manta();
    MantaPath path = manta.path("~~/stor/it/tls/" + Manifests.NAME + ".zfs.gz");
    byte[] file = MantaObjectTest.bytes(50_000);
    manta.putObject(path, ByteSource.ofBytes(file, "image file"), mkdirs());
    SignedUrl url = manta.signUrl(path, Duration.ofMinutes(10));
    ImgapiClient imgapi = clients.imgapi();
    ImageManifest manifest = Manifests.manifest("20260101T000000Z");
    imgapi.adminImportImage(manifest, "dev");

    Image image =
        imgapi.addImageFileFromUrl(
            manifest.uuid(), url.uri(), null, Manifests.sha1Hex(file), "dev");

    assertThat(url.uri().getScheme()).isEqualTo("https");
    assertThat(image.file().sha1()).isEqualTo(Manifests.sha1Hex(file));
    imgapi.deleteImage(manifest.uuid(), "dev", true);
    manta.deleteObject(path);
  }

  @Test
  void anyCall_certificateNotTrusted_failsNamingTheCertificateProblem() {
    TritonClients untrusting =
        new TritonClients(triton.triton(), CLOCK, SUB_USER, TlsSettings.DEFAULT);

    TritonIoException e =
        catchThrowableOfType(TritonIoException.class, () -> untrusting.imgapi().ping());

    secrets.record(e);
    assertThat(e.getMessage()).containsIgnoringCase("certificate");
    assertThat(clients.triton.requests().matching(r -> r.kind() == ServiceKind.IMGAPI)).isEmpty();
  }

  private static PutOptions mkdirs() {
    return PutOptions.builder().mkdirs(true).build();
  }
}
