package org.tritondatacenter.origin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.operations.RecordingListener;
import org.tritondatacenter.origin.wait.ManualClock;

class ApiClientRequestTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private final ManualClock clock = new ManualClock();
  private final RecordingListener listener = new RecordingListener();
  private final TestAuthorizer authorizer = new TestAuthorizer();

  private ApiClient client(Service service) {
    return ApiClient.create(
        TestSetup.signed(server, service, authorizer), TestSetup.config(clock, listener).build());
  }

  @Test
  void pathSegmentsAndQuery_areEncodedAndSignedExactlyAsSent() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("{}").build());

    client(Service.CLOUDAPI)
        .send(
            ApiRequest.post("ExportImage")
                .path("alice", "images", "a b", "x/y", "é")
                .query("action", "export")
                .query("manta_path", "/alice/stor/my dir/")
                .query("skipped", null)
                .build());

    RecordedRequest request = server.takeRequest();
    assertThat(request.getTarget())
        .isEqualTo(
            "/alice/images/a%20b/x%2Fy/%C3%A9?action=export"
                + "&manta_path=%2Falice%2Fstor%2Fmy%20dir%2F");
    assertThat(authorizer.signedTargets()).containsExactly("POST " + request.getTarget());
    assertThat(request.getHeaders().get("Content-Length")).isEqualTo("0");
  }

  @Test
  void slashPath_splitsAndEncodesEachSegment() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());

    client(Service.MANTA)
        .send(ApiRequest.delete("DeleteObject").slashPath("/alice/stor/builds/a b.zfs.gz").build());

    assertThat(server.takeRequest().getTarget()).isEqualTo("/alice/stor/builds/a%20b.zfs.gz");
  }

  @Test
  void dotSegments_areRefused() {
    assertThatThrownBy(() -> ApiRequest.get("GetObject").path("alice", "..", "etc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GetObject: path segment \"..\" is not allowed");
    assertThatThrownBy(() -> ApiRequest.get("GetObject").slashPath("/alice/./x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void headers_carryUserAgentDateAcceptDefaultsAndOverrides() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("[]").build());
    ApiClient client =
        ApiClient.create(
            TestSetup.signed(server, Service.CLOUDAPI, authorizer),
            TestSetup.config(clock, listener).build(),
            Map.of("Accept-Version", "~9||~8", "X-Extra", "default"));

    client.send(ApiRequest.get("ListImages").header("X-Extra", "mine").build());

    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("User-Agent")).startsWith("triton-origin/0.1.0");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(request.getHeaders().get("Accept-Version")).isEqualTo("~9||~8");
    assertThat(request.getHeaders().get("X-Extra")).isEqualTo("mine");
    assertThat(request.getHeaders().get("Date")).endsWith(" GMT");
    assertThat(request.getHeaders().get("Authorization"))
        .startsWith("Signature keyId=\"" + TestAuthorizer.KEY_ID + "\",algorithm=\"rsa-sha256\"");
  }

  @Test
  void anonymousEndpoint_sendsNoAuthorizationButADate() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("[]").build());
    ApiClient client =
        ApiClient.create(
            Endpoint.anonymous(Service.IMGAPI, server.url("/").uri()),
            TestSetup.config(clock, listener).build());

    client.send(ApiRequest.get("ListImages").path("images").query("channel", "*").build());

    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("Authorization")).isNull();
    assertThat(request.getHeaders().get("Date")).isNotNull();
    assertThat(request.getTarget()).isEqualTo("/images?channel=*");
  }

  @Test
  void baseUrlWithAPathPrefix_keepsThePrefix() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("[]").build());
    ApiClient client =
        ApiClient.create(
            Endpoint.anonymous(Service.IMGAPI, server.url("/updates/").uri()),
            TestSetup.config(clock, listener).build());

    client.send(ApiRequest.get("ListImages").path("images").build());

    assertThat(server.takeRequest().getTarget()).isEqualTo("/updates/images");
  }

  @Test
  void jsonBody_omitsNullsAndSendsJsonContentType() throws Exception {
    server.enqueue(new MockResponse.Builder().code(201).body("{}").build());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "b1");
    body.put("package", null);
    record Tags(String role, String absent) {}

    client(Service.CLOUDAPI)
        .send(
            ApiRequest.post("CreateMachine")
                .jsonBody(List.of(body, new Tags("build", null)))
                .build());

    RecordedRequest request = server.takeRequest();
    assertThat(request.getBody().utf8()).isEqualTo("[{\"name\":\"b1\"},{\"role\":\"build\"}]");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
  }

  @Test
  void putWithoutBody_keepsTheCallersContentType() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());

    client(Service.MANTA)
        .send(
            ApiRequest.put("PutDirectory")
                .path("alice", "stor", "builds")
                .header("Content-Type", "application/json; type=directory")
                .build());

    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("Content-Type"))
        .isEqualTo("application/json; type=directory");
    assertThat(request.getHeaders().get("Content-Length")).isEqualTo("0");
  }

  @Test
  void sourceOfUnknownSize_isSentChunked() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    byte[] content = "streamed without a length".getBytes();
    ByteSource unsized =
        new ByteSource() {
          @Override
          public InputStream open() {
            return new ByteArrayInputStream(content);
          }

          @Override
          public long size() {
            return -1;
          }

          @Override
          public String describe() {
            return "stdin";
          }
        };

    ApiResponse response =
        client(Service.MANTA)
            .open(
                ApiRequest.put("PutObject")
                    .path("alice", "stor", "x")
                    .body(unsized, "application/octet-stream")
                    .digests(DigestAlgorithm.MD5)
                    .build());
    response.close();

    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("Transfer-Encoding")).isEqualTo("chunked");
    assertThat(request.getBody().toByteArray()).isEqualTo(content);
    assertThat(response.sent().bytes()).isEqualTo(content.length);
    assertThat(response.sent().sha1()).isNull();
  }

  @Test
  void longOperations_getTheLongReadTimeout() {
    ApiClient client = client(Service.CLOUDAPI);

    assertThat(client.clientFor(ApiRequest.post("ExportImage").build()).readTimeoutMillis())
        .isEqualTo(HttpConfig.LONG_OPERATION_READ_TIMEOUT.toMillis());
    assertThat(client.clientFor(ApiRequest.get("GetImage").build()).readTimeoutMillis())
        .isEqualTo(Duration.ofSeconds(5).toMillis());
    assertThat(
            client
                .clientFor(ApiRequest.get("GetImage").readTimeout(Duration.ofSeconds(90)).build())
                .readTimeoutMillis())
        .isEqualTo(90_000);
  }

  @Test
  void trace_printsEveryLineWithSignaturesRedacted() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Location", "https://manta/alice/stor/x?expires=1&signature=c2VjcmV0")
            .body("{}")
            .build());
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    ApiClient client =
        ApiClient.create(
            TestSetup.signed(server, Service.IMGAPI, authorizer),
            TestSetup.config(clock, listener).trace(lines::add).build());

    client.send(
        ApiRequest.post("AddImageFileFromUrl")
            .path("images", "u1", "file", "from-url")
            .query("signature", "c2VjcmV0")
            .build());

    String sentSignature =
        server.takeRequest().getHeaders().get("Authorization").replaceAll(".*signature=\"", "");
    assertThat(lines)
        .anyMatch(l -> l.startsWith("> POST ") && l.endsWith("?signature=[redacted]"))
        .anyMatch(
            l ->
                l.equals(
                    "> Authorization: Signature keyId=\""
                        + TestAuthorizer.KEY_ID
                        + "\",algorithm=\"rsa-sha256\",headers=\"date\",signature=\"[redacted]\""))
        .anyMatch(l -> l.startsWith("> Date: "))
        .anyMatch(l -> l.startsWith("< 200 "))
        .anyMatch(
            l -> l.equals("< Location: https://manta/alice/stor/x?expires=1&signature=[redacted]"))
        .noneMatch(l -> l.contains("c2VjcmV0"))
        .noneMatch(l -> l.contains(sentSignature.substring(0, 20)));
  }
}
