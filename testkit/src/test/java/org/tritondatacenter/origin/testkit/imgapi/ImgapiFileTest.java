package org.tritondatacenter.origin.testkit.imgapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.testkit.ImgapiMode;
import org.tritondatacenter.origin.testkit.StorageMode;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.imgapi.ImgapiHarness.Response;

class ImgapiFileTest {
  private static final byte[] BYTES = "zfs send stream, gzipped".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dataDir;
  private ImgapiHarness h;

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void addFile_withMatchingSha1_recordsTheFileAndServesItBack() {
    h = ImgapiHarness.start(dataDir);
    String uuid = imported();

    Response r = h.upload(uuid, BYTES, "&sha1=" + sha1(BYTES) + "&dataset_guid=1234567890");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json()).containsEntry("state", "unactivated");
    assertThat(r.file())
        .containsEntry("sha1", sha1(BYTES))
        .containsEntry("size", BYTES.length)
        .containsEntry("compression", "gzip")
        .containsEntry("dataset_guid", "1234567890");
    assertThat(h.imgapi.fileSha1(uuid)).isEqualTo(sha1(BYTES));
    assertThat(h.call("GET", "/images/" + uuid + "/file").send().bytes()).isEqualTo(BYTES);
  }

  @Test
  void addFile_missingOrUnknownCompression_answers422InvalidParameter() {
    h = ImgapiHarness.start(dataDir);
    String uuid = imported();

    Response missing = h.call("PUT", "/images/" + uuid + "/file").body(BYTES).send();
    Response unknown =
        h.call("PUT", "/images/" + uuid + "/file?compression=zip").body(BYTES).send();
    Response xz = h.call("PUT", "/images/" + uuid + "/file?compression=xz").body(BYTES).send();

    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.code()).isEqualTo("InvalidParameter");
    assertThat(missing.text()).contains("compression");
    assertThat(unknown.code()).isEqualTo("InvalidParameter");
    assertThat(unknown.text()).contains("gzip, bzip2, xz, none");
    assertThat(xz.status()).isEqualTo(200);
  }

  @Test
  void addFile_sha1Mismatch_answers400DownloadAndKeepsNoFile() throws Exception {
    h = ImgapiHarness.start(dataDir);
    String uuid = imported();

    Response r = h.upload(uuid, BYTES, "&sha1=" + sha1("other".getBytes(StandardCharsets.UTF_8)));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.code()).isEqualTo("Download");
    assertThat(h.imgapi.fileSha1(uuid)).isNull();
    assertThat(partFiles()).isEmpty();
  }

  @Test
  void addFile_emptyBody_answers400Download() {
    h = ImgapiHarness.start(dataDir);
    String uuid = imported();

    Response r = h.upload(uuid, new byte[0], "");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.code()).isEqualTo("Download");
    assertThat(r.text()).contains("empty");
  }

  @Test
  void addFile_bodyShorterThanContentLength_answers400Download() throws Exception {
    h = ImgapiHarness.start(dataDir);
    String uuid = imported();

    String answer =
        RawHttp.exchange(
            h.base.getPort(),
            "PUT /images/"
                + uuid
                + "/file?compression=gzip HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: Test alice\r\nContent-Length: 10\r\n\r\n",
            "12345".getBytes(StandardCharsets.US_ASCII),
            false);

    assertThat(answer).startsWith("HTTP/1.1 400").contains("\"Download\"").contains("10");
    assertThat(h.imgapi.fileSha1(uuid)).isNull();
  }

  @Test
  void addFile_contentLengthOver20GiB_answers400UploadBefore100Continue() throws Exception {
    h = ImgapiHarness.start(dataDir);
    String uuid = imported();

    String answer =
        RawHttp.exchange(
            h.base.getPort(),
            "PUT /images/"
                + uuid
                + "/file?compression=gzip HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: Test alice\r\nContent-Length: 21474836481\r\n"
                + "Expect: 100-continue\r\n\r\n",
            new byte[0],
            true);

    assertThat(answer).startsWith("HTTP/1.1 400").contains("\"Upload\"").contains("20 GiB");
  }

  @Test
  void addFile_streamOverTheLimit_answers400Upload() throws Exception {
    h = ImgapiHarness.start(dataDir, ImgapiMode.PRIVATE, b -> b, 1024);
    String uuid = imported();

    // Chunked, so the limit is only found while streaming.
    Response r =
        h.call("PUT", "/images/" + uuid + "/file?compression=none")
            .header("Content-Type", "application/octet-stream")
            .send(
                java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream(new byte[2048])));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.code()).isEqualTo("Upload");
    assertThat(partFiles()).isEmpty();
  }

  @Test
  void addFile_again_beforeActivation_replacesTheFile() {
    h = ImgapiHarness.start(dataDir);
    String uuid = imported();
    byte[] second = "a better file".getBytes(StandardCharsets.UTF_8);

    h.upload(uuid, BYTES, "");
    Response r = h.upload(uuid, second, "&sha1=" + sha1(second));

    assertThat(r.file()).containsEntry("sha1", sha1(second)).containsEntry("size", second.length);
    assertThat(h.call("GET", "/images/" + uuid + "/file").send().bytes()).isEqualTo(second);
  }

  @Test
  void addFile_afterActivation_answers422ImageFilesImmutableBefore100Continue() throws Exception {
    h = ImgapiHarness.start(dataDir);
    String uuid = imported();
    h.upload(uuid, BYTES, "");
    h.activate(uuid, null);

    Response r = h.upload(uuid, BYTES, "");
    String raw =
        RawHttp.exchange(
            h.base.getPort(),
            "PUT /images/"
                + uuid
                + "/file?compression=gzip HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: Test alice\r\nContent-Length: 5\r\n"
                + "Expect: 100-continue\r\n\r\n",
            new byte[5],
            true);

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.code()).isEqualTo("ImageFilesImmutable");
    assertThat(raw).startsWith("HTTP/1.1 422").contains("ImageFilesImmutable");
  }

  @Test
  void addFile_checksumFaultOmit_leavesSha1OutOfTheAnswerOnly() {
    h = ImgapiHarness.start(dataDir);
    String uuid = imported();
    h.faults.add(
        Fault.when(ServiceKind.IMGAPI, "AddImageFile").checksum(Fault.Checksum.OMIT).times(1));

    Response r = h.upload(uuid, BYTES, "");

    assertThat(r.file()).doesNotContainKey("sha1").containsEntry("size", BYTES.length);
    assertThat(h.imgapi.fileSha1(uuid)).isEqualTo(sha1(BYTES));
  }

  @Test
  void addFile_checksumFaultWrong_answersAnotherSha1() {
    h = ImgapiHarness.start(dataDir);
    String uuid = imported();
    h.faults.add(
        Fault.when(ServiceKind.IMGAPI, "AddImageFile").checksum(Fault.Checksum.WRONG).times(1));

    Response r = h.upload(uuid, BYTES, "");

    assertThat(r.file().get("sha1").toString()).hasSize(40).isNotEqualTo(sha1(BYTES));
    assertThat(h.imgapi.fileSha1(uuid)).isEqualTo(sha1(BYTES));
  }

  @Test
  void addFile_connectionResetMidBody_leavesNoFileBehind() throws Exception {
    h = ImgapiHarness.start(dataDir);
    String uuid = imported();
    h.faults.add(Fault.when(ServiceKind.IMGAPI, "AddImageFile").resetAfterBodyBytes(100).times(1));

    assertThatThrownBy(() -> h.upload(uuid, new byte[1 << 20], ""))
        .isInstanceOf(java.io.UncheckedIOException.class);
    assertThat(h.imgapi.fileSha1(uuid)).isNull();
    assertThat(partFiles()).isEmpty();
  }

  @Test
  void addFile_benchMode_answersTheClientsSha1WithoutHashing() {
    h = ImgapiHarness.start(dataDir, ImgapiMode.PRIVATE, b -> b.benchMode(true), 1 << 20);
    String uuid = imported();
    String claimed = "0123456789abcdef0123456789abcdef01234567";

    Response r = h.upload(uuid, BYTES, "&sha1=" + claimed);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.file()).containsEntry("sha1", claimed);
    assertThat(h.call("GET", "/images/" + uuid + "/file").send().header("content-md5")).isNull();
  }

  @Test
  void addFile_discardStorage_keepsDigestsButNoBytes() throws Exception {
    h =
        ImgapiHarness.start(
            dataDir, ImgapiMode.PRIVATE, b -> b.storage(StorageMode.DISCARD), 1 << 20);
    String uuid = imported();

    Response r = h.upload(uuid, BYTES, "&sha1=" + sha1(BYTES));
    Response get = h.call("GET", "/images/" + uuid + "/file").send();

    assertThat(r.file()).containsEntry("sha1", sha1(BYTES));
    assertThat(get.status()).isEqualTo(501);
    try (Stream<Path> files = Files.walk(dataDir)) {
      assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
    }
  }

  @Test
  void addFile_withoutSignature_answers401() {
    h = ImgapiHarness.start(dataDir);
    String uuid = imported();

    Response r =
        h.call("PUT", "/images/" + uuid + "/file?compression=gzip").anonymous().body(BYTES).send();

    assertThat(r.status()).isEqualTo(401);
  }

  @Test
  void addFile_imageInAnotherChannel_answers404UnlessThatChannelIsNamed() {
    h = ImgapiHarness.start(dataDir);
    String uuid = UUID.randomUUID().toString();
    h.importImage(h.manifest(uuid), "experimental");

    Response defaultChannel = h.upload(uuid, BYTES, "");
    Response named = h.upload(uuid, BYTES, "&channel=experimental");

    assertThat(defaultChannel.status()).isEqualTo(404);
    assertThat(named.status()).isEqualTo(200);
  }

  private String imported() {
    String uuid = UUID.randomUUID().toString();
    assertThat(h.importImage(h.manifest(uuid), null).status()).isEqualTo(200);
    return uuid;
  }

  private List<Path> partFiles() throws Exception {
    try (Stream<Path> files = Files.walk(dataDir)) {
      return files.filter(p -> p.toString().endsWith(".part")).toList();
    }
  }

  static String sha1(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
