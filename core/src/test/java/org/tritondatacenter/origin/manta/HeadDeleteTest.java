package org.tritondatacenter.origin.manta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tritondatacenter.origin.manta.DirectoryTest.error;

import java.time.Instant;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.TritonApiException;

class HeadDeleteTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private MantaClient client;

  private MantaClient client() {
    if (client == null) {
      client = new MantaFixture(server).client;
    }
    return client;
  }

  @Test
  void head_object_decodesItsHeaders() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/gzip")
            .setHeader("Content-Length", "1234")
            .setHeader("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg==")
            .setHeader("Etag", "0c3f6f4e-7a4b-4f1c-8e45-1f2a3b4c5d6e")
            .setHeader("Durability-Level", "3")
            .setHeader("Last-Modified", "Thu, 01 Jan 2026 10:00:00 GMT")
            .setHeader("m-build-id", "b-42")
            .setHeader("M-Origin", "ab12")
            .build());

    MantaObject object = client().head(MantaFixture.path("/alice/stor/x y.gz"));

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("HEAD");
    assertThat(request.getTarget()).isEqualTo("/alice/stor/x%20y.gz");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("*/*");
    MantaFixture.assertSigned(request);
    assertThat(object)
        .isEqualTo(
            new MantaObject(
                MantaFixture.path("/alice/stor/x y.gz"),
                EntryType.OBJECT,
                1234,
                "1B2M2Y8AsgTpgAmY7PhCfg==",
                "0c3f6f4e-7a4b-4f1c-8e45-1f2a3b4c5d6e",
                "application/gzip",
                3,
                Instant.parse("2026-01-01T10:00:00Z"),
                Map.of("m-build-id", "b-42", "m-origin", "ab12")));
    assertThat(object.md5Hex()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    assertThat(object.isDirectory()).isFalse();
  }

  @Test
  void head_directory_isReportedAsOne() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/x-json-stream; type=directory")
            .setHeader("Result-Set-Size", "7")
            .build());

    MantaObject object = client().head(MantaFixture.path("/alice/stor/builds"));

    assertThat(object.isDirectory()).isTrue();
    assertThat(object.type()).isEqualTo(EntryType.DIRECTORY);
    assertThat(object.size()).isEqualTo(-1);
    assertThat(object.md5Base64()).isNull();
  }

  @Test
  void head_missing_isNotFound() {
    server.enqueue(new MockResponse.Builder().code(404).setHeader("x-request-id", "r9").build());

    assertThatThrownBy(() -> client().head(MantaFixture.path("/alice/stor/x")))
        .isInstanceOfSatisfying(TritonApiException.class, e -> assertThat(e.isNotFound()).isTrue())
        .hasMessage(
            "Manta HeadObject failed: HTTP 404: /alice/stor/x does not exist (request-id r9)");
  }

  @Test
  void deleteObject_sendsDelete() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());

    client().deleteObject(MantaFixture.path("/alice/stor/builds/old.gz"));

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("DELETE");
    assertThat(request.getTarget()).isEqualTo("/alice/stor/builds/old.gz");
    assertThat(request.getBodySize()).isZero();
    MantaFixture.assertSigned(request);
  }

  @Test
  void deleteObject_missing_isResourceNotFound() {
    server.enqueue(error(404, "ResourceNotFound", "/alice/stor/x was not found"));

    assertThatThrownBy(() -> client().deleteObject(MantaFixture.path("/alice/stor/x")))
        .isInstanceOfSatisfying(
            TritonApiException.class, e -> assertThat(e.hasCode("ResourceNotFound")).isTrue())
        .hasMessageContaining("/alice/stor/x does not exist");
  }

  @Test
  void deleteObjectIfExists_missing_returnsFalse() throws Exception {
    server.enqueue(error(404, "ResourceNotFound", "/alice/stor/x was not found"));
    server.enqueue(new MockResponse.Builder().code(204).build());

    assertThat(client().deleteObjectIfExists(MantaFixture.path("/alice/stor/x"))).isFalse();
    assertThat(client().deleteObjectIfExists(MantaFixture.path("/alice/stor/x"))).isTrue();
    assertThat(server.takeRequest().getMethod()).isEqualTo("DELETE");
  }

  @Test
  void deleteObjectIfExists_otherFailure_isThrown() {
    server.enqueue(error(400, "DirectoryNotEmpty", "/alice/stor/d is not empty"));

    assertThatThrownBy(() -> client().deleteObjectIfExists(MantaFixture.path("/alice/stor/d")))
        .isInstanceOfSatisfying(
            TritonApiException.class, e -> assertThat(e.hasCode("DirectoryNotEmpty")).isTrue())
        .hasMessageContaining("/alice/stor/d is a directory that is not empty");
  }

  @Test
  void deleteObject_topLevel_isRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> client().deleteObject(MantaFixture.path("/alice/stor")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getRequestCount()).isZero();
  }
}
