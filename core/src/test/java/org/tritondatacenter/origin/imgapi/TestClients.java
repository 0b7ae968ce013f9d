package org.tritondatacenter.origin.imgapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.auth.HttpSigner;
import org.tritondatacenter.origin.http.Endpoint;
import org.tritondatacenter.origin.http.HttpConfig;
import org.tritondatacenter.origin.http.RetryPolicy;
import org.tritondatacenter.origin.wait.Backoff;
import org.tritondatacenter.origin.wait.ManualClock;

/** Clients wired to a MockWebServer, canned IMGAPI answers and request assertions. */
final class TestClients {
  static final String USER = "mg";
  static final String UUID = "8f9c2a6e-5b1d-4c3e-9a7f-0d2e4b6c8a10";
  static final String SHA1 = "3c2e1f2d7d0b4d9f77d7e4a6b1c9f0e8a2b4c6d8";

  private TestClients() {}

  /** Waits between retries run on {@code clock}: 0.5 s, 1 s, 2 s. */
  static HttpConfig config(ManualClock clock) {
    return HttpConfig.builder()
        .clock(clock)
        .sleeper(clock)
        .readTimeout(Duration.ofSeconds(10))
        .retryPolicy(
            new RetryPolicy(3, Duration.ofMinutes(5), Backoff.retries().withRandom(() -> 0.5)))
        .build();
  }

  /** Signs as IMGAPI user {@code mg} with the RSA key fixture, as updates-imgadm does. */
  static ImgapiClient signed(MockWebServer server, HttpConfig config) {
    HttpSigner signer = HttpSigner.create(Service.IMGAPI, USER, null, Fixtures.rsaKey(), false);
    return ImgapiClient.create(
        Endpoint.signed(Service.IMGAPI, server.url("/").uri(), USER, null, signer::authorization),
        config);
  }

  static ImgapiClient anonymous(MockWebServer server, HttpConfig config) {
    return ImgapiClient.create(Endpoint.anonymous(Service.IMGAPI, server.url("/").uri()), config);
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  static MockResponse error(int code, String errorCode, String message) {
    return json(code, "{\"code\":\"" + errorCode + "\",\"message\":\"" + message + "\"}");
  }

  /** An image as IMGAPI serialises it, with {@code files} given as JSON (or null for none). */
  static String image(String uuid, String state, String filesJson, String... channels) {
    StringBuilder sb =
        new StringBuilder("{\"v\":2,\"uuid\":\"")
            .append(uuid)
            .append("\",\"owner\":\"00000000-0000-0000-0000-000000000000\",")
            .append("\"name\":\"triton-origin-x86_64-24.4.1\",\"version\":\"24.4.1\",")
            .append("\"state\":\"")
            .append(state)
            .append("\",\"disabled\":false,\"public\":false,\"type\":\"zone-dataset\",")
            .append("\"os\":\"smartos\",\"published_at\":\"2025-01-14T09:31:07.442Z\",")
            .append("\"files\":")
            .append(filesJson == null ? "[]" : filesJson)
            .append(",\"channels\":[");
    for (int i = 0; i < channels.length; i++) {
      sb.append(i == 0 ? "" : ",").append('"').append(channels[i]).append('"');
    }
    return sb.append("]}").toString();
  }

  static String files(String sha1, long size) {
    return "[{\"sha1\":\"" + sha1 + "\",\"size\":" + size + ",\"compression\":\"gzip\"}]";
  }

  /** Asserts the headers every IMGAPI request carries, signed with a verifiable signature. */
  static void assertSigned(RecordedRequest request) {
    assertThat(request.getHeaders().get("Accept-Version")).isEqualTo("~2");
    String authorization = request.getHeaders().get("Authorization");
    assertThat(authorization).matches(Fixtures.AUTHORIZATION);
    assertThat(Fixtures.verifies(authorization, request.getHeaders().get("Date")))
        .as("signature verifies over the Date header")
        .isTrue();
  }

  static void assertAnonymous(RecordedRequest request) {
    assertThat(request.getHeaders().get("Accept-Version")).isEqualTo("~2");
    assertThat(request.getHeaders().get("Authorization")).isNull();
    assertThat(request.getHeaders().get("Date")).isNotBlank();
  }
}
