package org.tritondatacenter.origin.testkit.manta;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.ServiceKind;

class PutObjectTest {
  @TempDir Path dataDir;
  MantaFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new MantaFixture(dataDir);
    assertThat(f.mkdir("/alice/stor/d").statusCode()).isEqualTo(204);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void putObject_newObject_answers204WithUuidEtagAndComputedMd5() throws Exception {
    HttpResponse<String> put = f.put("/alice/stor/d/o.txt", "hello");

    assertThat(put.statusCode()).isEqualTo(204);
    assertThat(UUID.fromString(put.headers().firstValue("etag").orElseThrow())).isNotNull();
    assertThat(put.headers().firstValue("computed-md5")).contains(MantaFixture.md5("hello"));
    assertThat(put.headers().firstValue("last-modified")).isPresent();
    assertThat(put.headers().firstValue("server")).contains("Manta");
    HttpResponse<String> get = f.get("/alice/stor/d/o.txt");
    assertThat(get.body()).isEqualTo("hello");
    assertThat(get.headers().firstValue("content-type")).contains("application/octet-stream");
    assertThat(get.headers().firstValue("durability-level")).contains("2");
  }

  @Test
  void putObject_nameWithPercentSign_isStoredUnderTheDecodedName() throws Exception {
    // Manta names may hold any character but '/': a '%' travels as %25.
    HttpResponse<String> put = f.put("/alice/stor/d/50%25%20done.txt", "half");

    assertThat(put.statusCode()).isEqualTo(204);
    assertThat(f.manta.exists("/alice/stor/d/50% done.txt")).isTrue();
    assertThat(f.get("/alice/stor/d/50%25%20done.txt").body()).isEqualTo("half");
  }

  @Test
  void putObject_headersGiven_storesTypeDurabilityAndUserHeaders() throws Exception {
    f.put(
        "/alice/stor/d/o.json",
        "{}",
        "Content-Type",
        "application/json",
        "x-durability-level",
        "3",
        "m-build",
        "42");

    HttpResponse<String> head = f.head("/alice/stor/d/o.json");

    assertThat(head.headers().firstValue("content-type")).contains("application/json");
    assertThat(head.headers().firstValue("durability-level")).contains("3");
    assertThat(head.headers().firstValue("m-build")).contains("42");
    assertThat(f.manta.object("/alice/stor/d/o.json").orElseThrow().durability()).isEqualTo(3);
  }

  @Test
  void putObject_contentMd5Matches_isAccepted() throws Exception {
    HttpResponse<String> put =
        f.put("/alice/stor/d/o", "data", "Content-MD5", MantaFixture.md5("data"));

    assertThat(put.statusCode()).isEqualTo(204);
  }

  @Test
  void putObject_contentMd5Mismatch_answers400AndKeepsTheOldObject() throws Exception {
    f.put("/alice/stor/d/o", "old");

    HttpResponse<String> put =
        f.put("/alice/stor/d/o", "new", "Content-MD5", MantaFixture.md5("other"));

    assertThat(put.statusCode()).isEqualTo(400);
    assertThat(put.body()).contains("\"code\":\"ContentMD5Mismatch\"");
    assertThat(f.get("/alice/stor/d/o").body()).isEqualTo("old");
    assertThat(f.manta.strayObjects()).isEmpty();
  }

  @Test
  void putObject_overwrite_replacesBytesAndEtag() throws Exception {
    String first = f.put("/alice/stor/d/o", "one").headers().firstValue("etag").orElseThrow();

    String second = f.put("/alice/stor/d/o", "two").headers().firstValue("etag").orElseThrow();

    assertThat(second).isNotEqualTo(first);
    assertThat(f.get("/alice/stor/d/o").body()).isEqualTo("two");
  }

  @Test
  void putObject_durabilityOutOfRange_answers400InvalidDurabilityLevel() throws Exception {
    for (String level : new String[] {"0", "10", "two"}) {
      HttpResponse<String> put = f.put("/alice/stor/d/o", "x", "durability-level", level);

      assertThat(put.statusCode()).as(level).isEqualTo(400);
      assertThat(put.body()).contains("InvalidDurabilityLevel").contains("between 1 and 9");
    }
  }

  @Test
  void putObject_declaredLengthOverMaxContentLength_answers413() throws Exception {
    HttpResponse<String> put = f.put("/alice/stor/d/o", "0123456789", "Max-Content-Length", "5");

    assertThat(put.statusCode()).isEqualTo(413);
    assertThat(put.body()).contains("MaxContentLengthExceeded");
  }

  @Test
  void putObject_negativeMaxContentLength_answers400() throws Exception {
    HttpResponse<String> put = f.put("/alice/stor/d/o", "x", "Max-Content-Length", "-1");

    assertThat(put.statusCode()).isEqualTo(400);
    assertThat(put.body()).contains("InvalidMaxContentLength");
  }

  @Test
  void putObject_chunkedBodyPastTheLimit_answers413AndKeepsTheOldObject() throws Exception {
    f.put("/alice/stor/d/o", "old");
    HttpRequest.Builder put =
        f.request("/alice/stor/d/o")
            .header("Max-Content-Length", "1000")
            .PUT(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(new byte[5000])));

    HttpResponse<String> response = f.send(put);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(f.get("/alice/stor/d/o").body()).isEqualTo("old");
    assertThat(f.manta.strayObjects()).isEmpty();
  }

  @Test
  void putObject_chunkedBody_isStored() throws Exception {
    byte[] body = new byte[300_000];
    new java.util.Random(7).nextBytes(body);
    HttpRequest.Builder put =
        f.request("/alice/stor/d/chunked")
            .PUT(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(body)));

    HttpResponse<String> response = f.send(put);

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().firstValue("computed-md5")).contains(MantaFixture.md5(body));
    assertThat(f.manta.object("/alice/stor/d/chunked").orElseThrow().size()).isEqualTo(300_000);
  }

  @Test
  void putObject_neitherLengthNorChunked_answers411() throws Exception {
    var head =
        f.raw(
            "PUT /alice/stor/d/o HTTP/1.1\r\nHost: x\r\nAuthorization: Test alice\r\n"
                + "Connection: close\r\n\r\n");

    assertThat(head.get(0)).isEqualTo("HTTP/1.1 411 Length Required");
  }

  @Test
  void putObject_overServerMaximum_answers413BeforeTheBody() throws Exception {
    try (MantaFixture small =
        new MantaFixture(dataDir.resolve("small"), b -> b.maxObjectBytes(10))) {
      small.mkdir("/alice/stor/d");

      HttpResponse<String> put = small.put("/alice/stor/d/o", "more than ten bytes");

      assertThat(put.statusCode()).isEqualTo(413);
      assertThat(put.body()).contains("request has exceeded 10 bytes");
    }
  }

  @Test
  void putObject_missingParent_answers404DirectoryDoesNotExist() throws Exception {
    HttpResponse<String> put = f.put("/alice/stor/nope/o", "x");

    assertThat(put.statusCode()).isEqualTo(404);
    assertThat(put.body())
        .contains("\"code\":\"DirectoryDoesNotExist\"")
        .contains("/alice/stor/nope does not exist");
  }

  @Test
  void putObject_parentIsAnObject_answers400ParentNotDirectory() throws Exception {
    f.put("/alice/stor/d/file", "x");

    HttpResponse<String> put = f.put("/alice/stor/d/file/o", "x");

    assertThat(put.statusCode()).isEqualTo(400);
    assertThat(put.body()).contains("ParentNotDirectory");
  }

  @Test
  void putObject_ontoADirectory_answers400OperationNotAllowedOnDirectory() throws Exception {
    HttpResponse<String> put = f.put("/alice/stor/d", "x");

    assertThat(put.statusCode()).isEqualTo(400);
    assertThat(put.body()).contains("OperationNotAllowedOnDirectory");
  }

  @Test
  void putObject_ontoARoot_answers400OperationNotAllowedOnRootDirectory() throws Exception {
    for (String root : new String[] {"/alice", "/alice/stor", "/alice/public"}) {
      HttpResponse<String> put = f.put(root, "x");

      assertThat(put.statusCode()).as(root).isEqualTo(400);
      assertThat(put.body()).contains("OperationNotAllowedOnRootDirectory");
    }
  }

  @Test
  void putObject_otherAccountsPath_answers403AuthorizationFailed() throws Exception {
    HttpResponse<String> put = f.put("/bob/stor/o", "x");

    assertThat(put.statusCode()).isEqualTo(403);
    assertThat(put.body()).contains("AuthorizationFailed").contains("alice");
  }

  @Test
  void putObject_unknownAccount_answers403AccountDoesNotExist() throws Exception {
    HttpResponse<String> put = f.put("/carol/stor/o", "x");

    assertThat(put.statusCode()).isEqualTo(403);
    assertThat(put.body()).contains("AccountDoesNotExist");
  }

  @Test
  void putObject_bySubUser_actsForTheAccount() throws Exception {
    HttpResponse<String> put =
        f.send(
            f.request("/alice/stor/d/o")
                .setHeader("Authorization", "Test alice/bob")
                .PUT(HttpRequest.BodyPublishers.ofString("x")));

    assertThat(put.statusCode()).isEqualTo(204);
  }

  @Test
  void putObject_unsigned_isRefused() throws Exception {
    HttpResponse<String> put =
        f.client.send(
            HttpRequest.newBuilder(f.base.resolve("/alice/public/o"))
                .PUT(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(put.statusCode()).isEqualTo(401);
    assertThat(f.manta.exists("/alice/public/o")).isFalse();
  }

  @Test
  void putObject_plainHttpWhenTlsRequired_answers403SecureTransportRequired() throws Exception {
    try (MantaFixture tls =
        new MantaFixture(dataDir.resolve("tls"), b -> b.requireTlsWrites(true))) {
      HttpResponse<String> put = tls.put("/alice/stor/o", "x");

      assertThat(put.statusCode()).isEqualTo(403);
      assertThat(put.body()).contains("SecureTransportRequired");
      assertThat(tls.get("/alice/stor").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void putObject_ifMatchMismatch_answers412() throws Exception {
    f.put("/alice/stor/d/o", "x");

    HttpResponse<String> put = f.put("/alice/stor/d/o", "y", "If-Match", UUID.randomUUID() + "");

    assertThat(put.statusCode()).isEqualTo(412);
    assertThat(put.body()).contains("PreconditionFailed");
    assertThat(f.get("/alice/stor/d/o").body()).isEqualTo("x");
  }

  @Test
  void putObject_checksumFaultOmit_leavesComputedMd5Out() throws Exception {
    f.faults.add(Fault.when(ServiceKind.MANTA, "PutObject").checksum(Fault.Checksum.OMIT));

    HttpResponse<String> put = f.put("/alice/stor/d/o", "x");

    assertThat(put.statusCode()).isEqualTo(204);
    assertThat(put.headers().firstValue("computed-md5")).isEmpty();
  }

  @Test
  void putObject_checksumFaultWrong_sendsAnotherMd5() throws Exception {
    f.faults.add(Fault.when(ServiceKind.MANTA, "PutObject").checksum(Fault.Checksum.WRONG));

    HttpResponse<String> put = f.put("/alice/stor/d/o", "x");

    assertThat(put.headers().firstValue("computed-md5"))
        .isPresent()
        .get()
        .isNotEqualTo(MantaFixture.md5("x"));
    assertThat(f.manta.object("/alice/stor/d/o").orElseThrow().md5())
        .isEqualTo(MantaFixture.md5("x"));
  }

  @Test
  void putObject_emptyBody_storesAZeroByteObjectWithDurabilityZero() throws Exception {
    HttpResponse<String> put = f.put("/alice/stor/d/empty", new byte[0]);

    assertThat(put.headers().firstValue("computed-md5")).contains("1B2M2Y8AsgTpgAmY7PhCfg==");
    assertThat(f.head("/alice/stor/d/empty").headers().firstValue("durability-level"))
        .contains("0");
    assertThat(f.get("/alice/stor/d/empty").body()).isEmpty();
  }

  @Test
  void putObject_requestLog_namesTheOperation() throws Exception {
    f.put("/alice/stor/d/o", "x");

    assertThat(f.log.operation("PutObject"))
        .singleElement()
        .satisfies(r -> assertThat(r.requestBytes()).isEqualTo(1));
    assertThat(f.log.count("PutDirectory")).isEqualTo(1);
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
