package org.tritondatacenter.origin.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.manta.EntryType;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.manta.MantaInputStream;
import org.tritondatacenter.origin.manta.MantaObject;
import org.tritondatacenter.origin.manta.MantaPath;
import org.tritondatacenter.origin.manta.PutObjectResult;
import org.tritondatacenter.origin.manta.PutOptions;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.RequestRecord;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ManualClock;

/** Manta objects: verified uploads and downloads, a resumed download, and refused uploads. */
class MantaObjectTest {
  private static final ManualClock CLOCK = new ManualClock();

  @RegisterExtension
  static final LocalTritonExtension triton =
      LocalTritonExtension.withOptions(TritonClients.options(CLOCK).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(triton);

  private TritonClients clients;
  private MantaClient manta;
  private MantaPath dir;

  @BeforeEach
  void connect() {
    clients = new TritonClients(triton.triton(), CLOCK);
    manta = clients.manta();
    dir = manta.path("~~/stor/it/objects");
    manta.mkdirp(dir);
  }

  @Test
  void mkdirp_deepPath_createsEachLevelInTurn() {
    int before = clients.triton.requests().count("PutDirectory");

    manta.mkdirp(manta.path("~~/stor/it/a/b/c"));

    assertThat(clients.triton.requests().count("PutDirectory") - before).isEqualTo(4);
    for (String level : List.of("it/a", "it/a/b", "it/a/b/c")) {
      assertThat(clients.triton.manta().isDirectory("/alice/stor/" + level)).isTrue();
    }
    assertThat(manta.head(manta.path("~~/stor/it/a/b/c")).type()).isEqualTo(EntryType.DIRECTORY);
  }

  @Test
  void putObject_thenHeadGetDelete_roundTripsTheVerifiedBytes() throws Exception {
    byte[] bytes = bytes(300 * 1024 + 17);
    MantaPath path = dir.resolve("round-trip.bin");

    PutObjectResult put =
        manta.putObject(
            path,
            ByteSource.ofBytes(bytes, "round-trip bytes"),
            PutOptions.builder()
                .contentType("application/x-it")
                .metadata("m-build-id", "it-1")
                .build());

    String md5 = md5Base64(bytes);
    assertThat(put.md5Base64()).isEqualTo(md5);
    assertThat(put.size()).isEqualTo(bytes.length);
    assertThat(clients.triton.manta().object(path.toString()).orElseThrow().md5()).isEqualTo(md5);

    MantaObject head = manta.head(path);
    assertThat(head.type()).isEqualTo(EntryType.OBJECT);
    assertThat(head.size()).isEqualTo(bytes.length);
    assertThat(head.md5Base64()).isEqualTo(md5);
    assertThat(head.etag()).isEqualTo(put.etag());
    assertThat(head.contentType()).isEqualTo("application/x-it");
    assertThat(head.metadata()).containsEntry("m-build-id", "it-1");

    try (MantaInputStream in = manta.getObject(path)) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
      assertThat(in.md5Base64()).isEqualTo(md5);
      assertThat(in.resumes()).isZero();
    }

    manta.deleteObject(path);
    TritonApiException gone =
        catchThrowableOfType(TritonApiException.class, () -> manta.head(path));
    assertThat(gone.isNotFound()).isTrue();
    assertThat(manta.deleteObjectIfExists(path)).isFalse();
  }

  @Test
  void getObject_answerCutMidBody_resumesWithRangeAndIfMatch() throws Exception {
    byte[] bytes = bytes(1024 * 1024);
    MantaPath path = dir.resolve("resumed.bin");
    String etag = manta.putObject(path, ByteSource.ofBytes(bytes, "resumed bytes")).etag();

    try (CuttingProxy proxy = CuttingProxy.start(clients.triton.mantaUrl(), 200_000);
        MantaInputStream in = clients.manta(proxy.url(), clients.config).getObject(path)) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
      assertThat(in.resumes()).isEqualTo(1);
      assertThat(in.md5Base64()).isEqualTo(md5Base64(bytes));
      assertThat(proxy.connections()).isEqualTo(2);
    }
    List<RequestRecord> gets = clients.triton.requests().operation("GetObject");
    RequestRecord resume = gets.get(gets.size() - 1);
    assertThat(resume.header("If-Match")).isEqualTo(etag);
    assertThat(resume.header("Range")).matches("bytes=[1-9][0-9]*-");
    assertThat(resume.status()).isEqualTo(206);
    manta.deleteObject(path);
  }

  @Test
  void putObject_missingParent_explainsDirectoryDoesNotExistAndMkdirsFixesIt() {
    MantaPath path = manta.path("~~/stor/it/missing/deeper/object.txt");
    ByteSource source = ByteSource.ofBytes(bytes(100), "small bytes");

    TritonApiException e =
        catchThrowableOfType(TritonApiException.class, () -> manta.putObject(path, source));

    secrets.record(e);
    assertThat(e.hasCode("DirectoryDoesNotExist")).isTrue();
    assertThat(e.httpStatus()).isEqualTo(404);
    assertThat(e.getMessage())
        .contains("/alice/stor/it/missing/deeper", "does not exist", "mkdirp");

    manta.putObject(path, source, PutOptions.builder().mkdirs(true).build());
    assertThat(clients.triton.manta().object(path.toString())).isPresent();
  }

  @Test
  void putObject_answerOmitsComputedMd5_failsNamingTheMissingChecksum() {
    clients
        .triton
        .faults()
        .add(Fault.when(ServiceKind.MANTA, "PutObject").checksum(Fault.Checksum.OMIT).times(1));
    MantaPath path = dir.resolve("unverified.bin");

    TritonIoException e =
        catchThrowableOfType(
            TritonIoException.class,
            () -> manta.putObject(path, ByteSource.ofBytes(bytes(4096), "unverified bytes")));

    secrets.record(e);
    assertThat(e.getMessage()).contains(path.toString(), "no computed-md5", "cannot be verified");
  }

  @Test
  void putObject_answerMisstatesComputedMd5_failsNamingBothDigests() throws Exception {
    clients
        .triton
        .faults()
        .add(Fault.when(ServiceKind.MANTA, "PutObject").checksum(Fault.Checksum.WRONG).times(1));
    byte[] bytes = bytes(4096);
    MantaPath path = dir.resolve("corrupt.bin");

    TritonIoException e =
        catchThrowableOfType(
            TritonIoException.class,
            () -> manta.putObject(path, ByteSource.ofBytes(bytes, "corrupt bytes")));

    secrets.record(e);
    assertThat(e.getMessage()).contains(path.toString(), md5Base64(bytes), "upload it again");
    assertThat(clients.triton.requests().count("PutObject")).isEqualTo(1);
    manta.deleteObjectIfExists(path);
  }

  static byte[] bytes(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  static String md5Base64(byte[] bytes) throws Exception {
    return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
  }
}
