package org.tritondatacenter.origin.testkit.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.testkit.cloudapi.CloudApiHarness.Answer;

class CloudApiConventionsTest {
  private CloudApiHarness h;

  @BeforeEach
  void start() throws Exception {
    h = CloudApiHarness.start();
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  @Test
  void ping_withoutAuth_answersPongAndVersions() {
    Answer a = h.get("/--ping");

    assertThat(a.status()).isEqualTo(200);
    assertThat(a.map()).containsEntry("ping", "pong");
    assertThat(a.map().get("cloudapi").toString()).contains("9.0.0", "7.0.0");
  }

  @Test
  void anyCall_answersCloudApiHeaders_withContentMd5OfTheBody() throws Exception {
    Answer a = h.get("/alice/packages", "x-request-id", "req-1");

    assertThat(a.header("Server")).isEqualTo("cloudapi/9.15.0");
    assertThat(a.header("Api-Version")).isEqualTo("9.0.0");
    assertThat(a.header("Request-Id")).isEqualTo("req-1");
    byte[] md5 = MessageDigest.getInstance("MD5").digest(a.body().getBytes(StandardCharsets.UTF_8));
    assertThat(a.header("Content-MD5")).isEqualTo(Base64.getEncoder().encodeToString(md5));
  }

  @Test
  void acceptVersion_nodeTritonRange_negotiatesNine() {
    Answer a = h.get("/my/images", "Accept-Version", "~9||~8");

    assertThat(a.header("Api-Version")).isEqualTo("9.0.0");
    assertThat(a.list())
        .singleElement()
        .satisfies(i -> assertThat(i).containsEntry("type", "zone-dataset"));
  }

  @Test
  void acceptVersion_seven_showsOldImageTypeAndNoOwnership() {
    Answer a = h.get("/my/images", "Accept-Version", "~7.0");

    assertThat(a.header("Api-Version")).isEqualTo("7.0.0");
    assertThat(a.list())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i).containsEntry("type", "smartmachine");
              assertThat(i).doesNotContainKeys("owner", "state", "public");
            });
  }

  @Test
  void acceptVersion_unsupported_answers400InvalidVersion() {
    Answer a = h.get("/my/images", "Accept-Version", "~99");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.code()).isEqualTo("InvalidVersion");
    assertThat(a.map().get("message").toString()).contains("9.0.0");
  }

  @Test
  void myAlias_actsOnTheCallersAccount() {
    Answer mine = h.get("/my/packages");
    Answer named = h.get("/alice/packages");

    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.list()).isEqualTo(named.list());
  }

  @Test
  void otherExistingAccount_answers403NotAuthorized() {
    Answer a = h.get("/bob/machines");

    assertThat(a.status()).isEqualTo(403);
    assertThat(a.code()).isEqualTo("NotAuthorized");
  }

  @Test
  void unknownLogin_answers404ResourceNotFound() {
    Answer a = h.get("/nobody/machines");

    assertThat(a.status()).isEqualTo(404);
    assertThat(a.code()).isEqualTo("ResourceNotFound");
    assertThat(a.map().get("message").toString()).contains("nobody");
  }

  @Test
  void unknownPath_answers404ResourceNotFound() {
    Answer a = h.get("/alice/volcanoes");

    assertThat(a.status()).isEqualTo(404);
    assertThat(a.code()).isEqualTo("ResourceNotFound");
  }

  @Test
  void malformedJsonBody_answers400() {
    Answer a = h.post("/alice/machines", "not an object");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.code()).isEqualTo("InvalidContent");
  }

  @Test
  void throttle_beyondTheRate_answers429RequestThrottled() throws Exception {
    h.close();
    h = CloudApiHarness.start(b -> b.cloudApiRateLimit(3));

    List<Integer> statuses = new java.util.ArrayList<>();
    String body = null;
    // Six requests within one wall-clock second exceed 3 r/s even if a second boundary falls
    // between them; retry the burst once in the unlikely case it straddled two seconds.
    for (int attempt = 0; attempt < 2 && !statuses.contains(429); attempt++) {
      statuses.clear();
      for (int i = 0; i < 8; i++) {
        Answer a = h.get("/alice/packages");
        statuses.add(a.status());
        if (a.status() == 429) {
          body = a.body();
        }
      }
    }

    assertThat(statuses).contains(429);
    assertThat(statuses.get(0)).isEqualTo(200);
    assertThat(body)
        .contains("RequestThrottled")
        .contains("You have exceeded your request rate of 3 r/s.");
  }

  @Test
  void noThrottle_byDefault_servesEveryRequest() {
    for (int i = 0; i < 20; i++) {
      assertThat(h.get("/alice/packages").status()).isEqualTo(200);
    }
  }

  @Test
  void formEncodedBody_isMappedLikeJson() {
    Map<String, Object> m = h.createMachine("form-test", Map.of());
    h.clock.advance(java.time.Duration.ofMinutes(5));

    Answer a =
        send("/alice/machines/" + m.get("id"), "application/x-www-form-urlencoded", "action=stop");

    assertThat(a.status()).isEqualTo(202);
    assertThat(h.state((String) m.get("id"))).isEqualTo("stopping");
    h.delete("/alice/machines/" + m.get("id"));
  }

  private Answer send(String path, String type, String body) {
    try {
      var client = java.net.http.HttpClient.newHttpClient();
      var response =
          client.send(
              java.net.http.HttpRequest.newBuilder(h.server.url("cloudapi").resolve(path))
                  .header("Content-Type", type)
                  .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), response.headers());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
