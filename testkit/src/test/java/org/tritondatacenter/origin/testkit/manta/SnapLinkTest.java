package org.tritondatacenter.origin.testkit.manta;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapLinkTest {
  @TempDir Path dataDir;
  MantaFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new MantaFixture(dataDir);
    f.put("/alice/stor/src", "source bytes");
    f.mkdir("/alice/stor/dir");
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private HttpResponse<String> link(MantaFixture fixture, String path, String location)
      throws Exception {
    HttpRequest.Builder b =
        fixture
            .request(path)
            .header("Content-Type", "application/json; type=link")
            .PUT(HttpRequest.BodyPublishers.noBody());
    if (location != null) {
      b.header("Location", location);
    }
    return fixture.send(b);
  }

  @Test
  void putSnapLink_toAnObject_sharesEtagAndBytes() throws Exception {
    String etag = f.head("/alice/stor/src").headers().firstValue("etag").orElseThrow();

    HttpResponse<String> put = link(f, "/alice/stor/latest", "/alice/stor/src");

    assertThat(put.statusCode()).isEqualTo(204);
    assertThat(put.headers().firstValue("etag")).contains(etag);
    assertThat(f.get("/alice/stor/latest").body()).isEqualTo("source bytes");
    assertThat(f.log.count("PutSnapLink")).isEqualTo(1);
  }

  @Test
  void putSnapLink_sourceDeletedAfterwards_linkStillReads() throws Exception {
    link(f, "/alice/stor/latest", "/alice/stor/src");

    f.delete("/alice/stor/src");

    assertThat(f.get("/alice/stor/latest").body()).isEqualTo("source bytes");
  }

  @Test
  void putSnapLink_withoutLocation_answers400LocationRequired() throws Exception {
    HttpResponse<String> put = link(f, "/alice/stor/latest", null);

    assertThat(put.statusCode()).isEqualTo(400);
    assertThat(put.body()).contains("LocationRequired");
  }

  @Test
  void putSnapLink_missingSource_answers404SourceObjectNotFound() throws Exception {
    HttpResponse<String> put = link(f, "/alice/stor/latest", "/alice/stor/none");

    assertThat(put.statusCode()).isEqualTo(404);
    assertThat(put.body()).contains("SourceObjectNotFound");
  }

  @Test
  void putSnapLink_toADirectory_answers400LinkNotObject() throws Exception {
    HttpResponse<String> put = link(f, "/alice/stor/latest", "/alice/stor/dir");

    assertThat(put.statusCode()).isEqualTo(400);
    assertThat(put.body()).contains("LinkNotObject");
  }

  @Test
  void putSnapLink_onMantav2_answers403SnaplinksDisabledError() throws Exception {
    try (MantaFixture v2 = new MantaFixture(dataDir.resolve("v2"), b -> b.snaplinks(false))) {
      v2.put("/alice/stor/src", "x");

      HttpResponse<String> put = link(v2, "/alice/stor/latest", "/alice/stor/src");

      assertThat(put.statusCode()).isEqualTo(403);
      assertThat(put.body()).contains("\"code\":\"SnaplinksDisabledError\"");
      assertThat(v2.manta.exists("/alice/stor/latest")).isFalse();
    }
  }

  @Test
  void putMetadata_onAnObject_replacesHeadersAndKeepsBytes() throws Exception {
    HttpResponse<String> put =
        f.send(
            f.request("/alice/stor/src?metadata=true")
                .header("m-stage", "released")
                .header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.noBody()));

    assertThat(put.statusCode()).isEqualTo(204);
    HttpResponse<String> get = f.get("/alice/stor/src");
    assertThat(get.body()).isEqualTo("source bytes");
    assertThat(get.headers().firstValue("m-stage")).contains("released");
    assertThat(get.headers().firstValue("content-type")).contains("text/plain");
  }

  @Test
  void putMetadata_changingDurability_answers400InvalidUpdate() throws Exception {
    HttpResponse<String> put =
        f.send(
            f.request("/alice/stor/src?metadata=true")
                .header("durability-level", "3")
                .PUT(HttpRequest.BodyPublishers.noBody()));

    assertThat(put.statusCode()).isEqualTo(400);
    assertThat(put.body()).contains("InvalidUpdate");
  }
}
