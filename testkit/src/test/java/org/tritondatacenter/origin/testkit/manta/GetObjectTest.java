package org.tritondatacenter.origin.testkit.manta;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.RequestRecord;
import org.tritondatacenter.origin.testkit.http.ServiceKind;

class GetObjectTest {
  private static final String TEXT = "0123456789abcdefghij";

  @TempDir Path dataDir;
  MantaFixture f;
  String etag;

  @BeforeEach
  void start() throws Exception {
    f = new MantaFixture(dataDir);
    etag =
        f.put("/alice/stor/o", TEXT, "Content-Type", "text/plain", "m-color", "blue")
            .headers()
            .firstValue("etag")
            .orElseThrow();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void getObject_answersBodyAndStoredHeaders() throws Exception {
    HttpResponse<String> get = f.get("/alice/stor/o");

    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.body()).isEqualTo(TEXT);
    assertThat(get.headers().firstValue("content-md5")).contains(MantaFixture.md5(TEXT));
    assertThat(get.headers().firstValue("content-length")).contains("20");
    assertThat(get.headers().firstValue("etag")).contains(etag);
    assertThat(get.headers().firstValue("m-color")).contains("blue");
    assertThat(get.headers().firstValue("accept-ranges")).contains("bytes");
    assertThat(get.headers().firstValue("last-modified")).isPresent();
  }

  @Test
  void headObject_answersHeadersWithoutBody() throws Exception {
    HttpResponse<String> head = f.head("/alice/stor/o");

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("content-length")).contains("20");
    assertThat(head.headers().firstValue("content-type")).contains("text/plain");
    assertThat(head.headers().firstValue("content-md5")).contains(MantaFixture.md5(TEXT));
    assertThat(head.headers().firstValue("durability-level")).contains("2");
    assertThat(f.log.count("HeadObject")).isEqualTo(1);
  }

  @Test
  void getObject_missing_answers404ResourceNotFound() throws Exception {
    HttpResponse<String> get = f.get("/alice/stor/nothing");

    assertThat(get.statusCode()).isEqualTo(404);
    assertThat(get.body()).contains("\"code\":\"ResourceNotFound\"");
  }

  @Test
  void getObject_closedRange_answers206WithContentRange() throws Exception {
    HttpResponse<String> get = f.get("/alice/stor/o", "Range", "bytes=2-5");

    assertThat(get.statusCode()).isEqualTo(206);
    assertThat(get.body()).isEqualTo("2345");
    assertThat(get.headers().firstValue("content-range")).contains("bytes 2-5/20");
    assertThat(get.headers().firstValue("content-md5")).isEmpty();
  }

  @Test
  void getObject_openAndSuffixRanges_answerTheTail() throws Exception {
    assertThat(f.get("/alice/stor/o", "Range", "bytes=15-").body()).isEqualTo("fghij");
    assertThat(f.get("/alice/stor/o", "Range", "bytes=-3").body()).isEqualTo("hij");
    assertThat(f.get("/alice/stor/o", "Range", "bytes=18-99").body()).isEqualTo("ij");
  }

  @Test
  void getObject_unsatisfiableRange_answers416RequestedRangeNotSatisfiable() throws Exception {
    HttpResponse<String> get = f.get("/alice/stor/o", "Range", "bytes=20-");

    assertThat(get.statusCode()).isEqualTo(416);
    assertThat(get.body()).contains("\"code\":\"RequestedRangeNotSatisfiable\"");
    assertThat(get.headers().firstValue("content-range")).contains("bytes */20");
  }

  @Test
  void getObject_unsatisfiableRangeOnMantav2_answersRangeNotSatisfiable() throws Exception {
    try (MantaFixture v2 = new MantaFixture(dataDir.resolve("v2"), b -> b.snaplinks(false))) {
      v2.put("/alice/stor/o", TEXT);

      HttpResponse<String> get = v2.get("/alice/stor/o", "Range", "bytes=30-40");

      assertThat(get.statusCode()).isEqualTo(416);
      assertThat(get.body()).contains("\"code\":\"RangeNotSatisfiable\"");
      assertThat(get.headers().firstValue("server")).contains("Manta/2");
    }
  }

  @Test
  void getObject_multiRange_answers501() throws Exception {
    HttpResponse<String> get = f.get("/alice/stor/o", "Range", "bytes=0-1,4-5");

    assertThat(get.statusCode()).isEqualTo(501);
    assertThat(get.body()).contains("NotImplemented");
  }

  @Test
  void getObject_rangeOverARawSocket_answersExactly() throws Exception {
    var head =
        f.raw(
            "GET /alice/stor/o HTTP/1.1\r\nHost: x\r\nAuthorization: Test alice\r\n"
                + "Range: bytes=0-0\r\nConnection: close\r\n\r\n");

    assertThat(head.get(0)).isEqualTo("HTTP/1.1 206 Partial Content");
    assertThat(head).contains("Content-Range: bytes 0-0/20", "Content-Length: 1");
  }

  @Test
  void getObject_ifMatchMismatch_answers412AndMatchAnswers200() throws Exception {
    HttpResponse<String> mismatch = f.get("/alice/stor/o", "If-Match", "not-the-etag");
    HttpResponse<String> match = f.get("/alice/stor/o", "If-Match", etag);

    assertThat(mismatch.statusCode()).isEqualTo(412);
    assertThat(mismatch.body()).contains("PreconditionFailed");
    assertThat(match.statusCode()).isEqualTo(200);
  }

  @Test
  void getObject_ifMatchWithRange_resumesADownload() throws Exception {
    HttpResponse<String> get = f.get("/alice/stor/o", "If-Match", etag, "Range", "bytes=10-");

    assertThat(get.statusCode()).isEqualTo(206);
    assertThat(get.body()).isEqualTo("abcdefghij");
  }

  @Test
  void getObject_ifNoneMatchTheEtag_answers304() throws Exception {
    HttpResponse<String> get = f.get("/alice/stor/o", "If-None-Match", etag);

    assertThat(get.statusCode()).isEqualTo(304);
  }

  @Test
  void getObject_acceptExcludesTheType_answers406() throws Exception {
    HttpResponse<String> get = f.get("/alice/stor/o", "Accept", "application/json");

    assertThat(get.statusCode()).isEqualTo(406);
    assertThat(get.body()).contains("NotAcceptable");
    assertThat(f.get("/alice/stor/o", "Accept", "text/*").statusCode()).isEqualTo(200);
  }

  @Test
  void getObject_checksumFaultWrong_sendsAWrongContentMd5() throws Exception {
    f.faults.add(
        Fault.when(ServiceKind.MANTA, "GetObject").checksum(Fault.Checksum.WRONG).times(1));

    HttpResponse<String> get = f.get("/alice/stor/o");

    assertThat(get.body()).isEqualTo(TEXT);
    assertThat(get.headers().firstValue("content-md5"))
        .isPresent()
        .get()
        .isNotEqualTo(MantaFixture.md5(TEXT));
  }

  @Test
  void getObject_anonymousUnderPublic_isServed() throws Exception {
    f.put("/alice/public/p", "open");

    HttpResponse<String> get =
        f.client.send(
            HttpRequest.newBuilder(f.base.resolve("/alice/public/p")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.body()).isEqualTo("open");
  }

  @Test
  void getObject_anonymousUnderStor_isRefused() throws Exception {
    HttpResponse<String> get =
        f.client.send(
            HttpRequest.newBuilder(f.base.resolve("/alice/stor/o")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(get.statusCode()).isEqualTo(401);
  }

  @Test
  void getObject_publicWithFailingSignature_isRefused() throws Exception {
    f.put("/alice/public/p", "open");

    HttpResponse<String> get =
        f.send(f.request("/alice/public/p").setHeader("Authorization", "Test bad").GET());

    assertThat(get.statusCode()).isEqualTo(403);
  }

  @Test
  void getObject_publicByOtherAccount_isServed() throws Exception {
    f.put("/alice/public/p", "open");

    HttpResponse<String> get =
        f.send(f.request("/alice/public/p").setHeader("Authorization", "Test bob").GET());

    assertThat(get.statusCode()).isEqualTo(200);
  }

  @Test
  void getObject_byOtherAccount_answers403AuthorizationFailed() throws Exception {
    HttpResponse<String> get =
        f.send(f.request("/alice/stor/o").setHeader("Authorization", "Test bob").GET());

    assertThat(get.statusCode()).isEqualTo(403);
    assertThat(get.body()).contains("AuthorizationFailed");
  }

  @Test
  void signedUrl_valid_isServedWithoutAuthorizationHeader() throws Exception {
    long expires = Instant.now().getEpochSecond() + 300;
    String url =
        "/alice/stor/o?algorithm=RSA-SHA256&expires="
            + expires
            + "&keyId=%2Falice%2Fkeys%2Ffp&signature=good";

    HttpResponse<String> get =
        f.client.send(
            HttpRequest.newBuilder(f.base.resolve(url)).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.body()).isEqualTo(TEXT);
  }

  @Test
  void signedUrl_valid_isLoggedWithItsSigner() throws Exception {
    long expires = Instant.now().getEpochSecond() + 300;
    String url =
        "/alice/stor/o?algorithm=RSA-SHA256&expires="
            + expires
            + "&keyId=%2Falice%2Fkeys%2Ffp&signature=good";
    f.log.clear();

    f.client.send(
        HttpRequest.newBuilder(f.base.resolve(url)).build(), HttpResponse.BodyHandlers.ofString());

    RequestRecord get = f.log.operation("GetObject").get(0);
    assertThat(get.verified()).isTrue();
    assertThat(get.principal().account()).isEqualTo("alice");
  }

  @Test
  void signedUrl_notVerifying_answers403() throws Exception {
    String url =
        "/alice/stor/o?algorithm=RSA-SHA256&expires=1&keyId=%2Falice%2Fkeys%2Ffp&signature=x";

    HttpResponse<String> get =
        f.client.send(
            HttpRequest.newBuilder(f.base.resolve(url)).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(get.statusCode()).isEqualTo(403);
    assertThat(get.body()).contains("InvalidQueryStringAuthentication");
  }

  @Test
  void signedUrl_forAnotherAccountsObject_answers403AuthorizationFailed() throws Exception {
    long expires = Instant.now().getEpochSecond() + 300;
    String url = "/alice/stor/o?expires=" + expires + "&keyId=%2Fbob%2Fkeys%2Ffp&signature=good";

    HttpResponse<String> get =
        f.client.send(
            HttpRequest.newBuilder(f.base.resolve(url)).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(get.statusCode()).isEqualTo(403);
    assertThat(get.body()).contains("AuthorizationFailed");
  }
}
