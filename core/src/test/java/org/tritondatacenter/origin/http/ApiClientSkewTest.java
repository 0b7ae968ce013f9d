package org.tritondatacenter.origin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.operations.RecordingListener;
import org.tritondatacenter.origin.wait.ManualClock;

class ApiClientSkewTest {
  private static final String LOCAL_NOW = "Thu, 01 Jan 2026 00:00:00 GMT";
  private static final String TEN_MINUTES_AHEAD = "Thu, 01 Jan 2026 00:10:00 GMT";
  private static final String TEN_MINUTES_BEHIND = "Wed, 31 Dec 2025 23:50:00 GMT";

  @StartStop final MockWebServer server = new MockWebServer();

  private final ManualClock clock = new ManualClock();
  private final ManualClock wall = new ManualClock();
  private final RecordingListener listener = new RecordingListener();
  private final TestAuthorizer authorizer = new TestAuthorizer();

  private ApiClient client(Service service) {
    return ApiClient.create(
        TestSetup.signed(server, service, authorizer),
        TestSetup.config(clock, listener).wallClock(wall).build());
  }

  private static MockResponse skewRejection(int status, String body, String serverDate) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Date", serverDate)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  @Test
  void cloudApi_invalidHeaderWithSkewedServerDate_adjustsTheOffsetAndResignsOnce()
      throws Exception {
    server.enqueue(
        skewRejection(
            400,
            "{\"code\":\"InvalidHeader\",\"message\":\"Authorization header invalid: clock skew of"
                + " 600s was greater than 300s\"}",
            TEN_MINUTES_AHEAD));
    server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
    server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
    ApiClient client = client(Service.CLOUDAPI);

    client.send(ApiRequest.get("ListMachines").path("alice", "machines").build());
    client.send(ApiRequest.get("ListMachines").path("alice", "machines").build());

    RecordedRequest rejected = server.takeRequest();
    RecordedRequest resigned = server.takeRequest();
    RecordedRequest later = server.takeRequest();
    assertThat(rejected.getHeaders().get("Date")).isEqualTo(LOCAL_NOW);
    assertThat(resigned.getHeaders().get("Date")).isEqualTo(TEN_MINUTES_AHEAD);
    assertThat(later.getHeaders().get("Date")).isEqualTo(TEN_MINUTES_AHEAD);
    assertThat(
            TestAuthorizer.verifies(resigned.getHeaders().get("Authorization"), TEN_MINUTES_AHEAD))
        .isTrue();
    assertThat(client.clockOffset()).isEqualTo(Duration.ofMinutes(10));
    assertThat(clock.totalSlept()).isZero();
    assertThat(listener.warnings())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("CloudAPI", "600 s behind", "+600 s", "NTP");
  }

  @Test
  void imgapi_401WithSkewedServerDate_isCorrected() throws Exception {
    server.enqueue(
        skewRejection(
            401,
            "{\"code\":\"Unauthorized\",\"message\":\"clock skew of 600s\"}",
            TEN_MINUTES_BEHIND));
    server.enqueue(new MockResponse.Builder().code(200).body("{\"ping\":\"pong\"}").build());
    ApiClient client = client(Service.IMGAPI);

    client.send(ApiRequest.get("Ping").path("ping").build());

    server.takeRequest();
    assertThat(server.takeRequest().getHeaders().get("Date")).isEqualTo(TEN_MINUTES_BEHIND);
    assertThat(client.clockOffset()).isEqualTo(Duration.ofMinutes(-10));
    assertThat(listener.warnings())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("600 s ahead of", "-600 s");
  }

  @Test
  void manta_secondSkewRejection_isNotRetriedAgain() {
    server.enqueue(
        skewRejection(400, "{\"code\":\"InvalidHeader\",\"message\":\"skew\"}", TEN_MINUTES_AHEAD));
    server.enqueue(
        skewRejection(
            400,
            "{\"code\":\"InvalidHeader\",\"message\":\"skew again\"}",
            "Thu, 01 Jan 2026 00:20:00 GMT"));
    server.enqueue(new MockResponse.Builder().code(200).build());

    assertThatThrownBy(
            () ->
                client(Service.MANTA)
                    .send(ApiRequest.get("GetObject").path("alice", "stor", "x").build()))
        .isInstanceOf(TritonApiException.class)
        .hasMessageContaining("HTTP 400 InvalidHeader: skew again");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void imgapi_401WithoutSkew_isAKeyProblemAndNotRetried() {
    server.enqueue(
        skewRejection(401, "{\"code\":\"Unauthorized\",\"message\":\"no key\"}", LOCAL_NOW));
    server.enqueue(new MockResponse.Builder().code(200).build());

    assertThatThrownBy(
            () ->
                client(Service.IMGAPI)
                    .send(ApiRequest.post("ActivateImage").path("images", "u").build()))
        .isInstanceOfSatisfying(
            TritonApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(401));
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(listener.warnings()).isEmpty();
  }

  @Test
  void cloudApi_invalidHeaderWithoutServerDate_isThrown() {
    server.enqueue(
        new MockResponse.Builder()
            .code(400)
            .body("{\"code\":\"InvalidHeader\",\"message\":\"bad header\"}")
            .build());

    assertThatThrownBy(() -> client(Service.CLOUDAPI).send(ApiRequest.get("ListMachines").build()))
        .isInstanceOf(TritonApiException.class)
        .hasMessageContaining("InvalidHeader");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
