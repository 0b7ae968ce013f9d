package org.tritondatacenter.origin.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.tritondatacenter.origin.auth.SigningKey;
import org.tritondatacenter.origin.auth.SshKeys;
import org.tritondatacenter.origin.http.HttpConfig;
import org.tritondatacenter.origin.http.RetryPolicy;
import org.tritondatacenter.origin.wait.Backoff;
import org.tritondatacenter.origin.wait.ManualClock;

/**
 * Wiring for the CloudAPI client tests: a client signed with the RSA fixture key from {@code
 * auth/keys}, and request assertions that check the signature with plain JCA and a public key
 * parsed here from the fixture's {@code .pub} file, independently of the code under test.
 */
final class CloudApiTestSupport {
  static final String LOGIN = "alice";
  static final String KEY_NAME = "openssh-rsa";

  private static final Pattern AUTHORIZATION =
      Pattern.compile(
          "Signature keyId=\"([^\"]+)\",algorithm=\"rsa-sha256\","
              + "headers=\"(date|\\(request-target\\) date)\",signature=\"([A-Za-z0-9+/]+=*)\"");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CloudApiTestSupport() {}

  static SigningKey key() {
    return SshKeys.load(keyFile(KEY_NAME), null);
  }

  /** The MD5 fingerprint ssh-keygen printed for the fixture key. */
  static String md5() {
    try {
      for (String line : Files.readAllLines(keyFile("fingerprints.txt"))) {
        String[] fields = line.split(" ");
        if (fields[0].equals(KEY_NAME)) {
          return fields[1];
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("no fingerprint for " + KEY_NAME);
  }

  /** The keyId CloudAPI expects for the fixture key of {@link #LOGIN}. */
  static String keyId() {
    return "/" + LOGIN + "/keys/" + md5();
  }

  /** A config whose waits and retries run on {@code clock}, with short timeouts. */
  static HttpConfig.Builder config(ManualClock clock) {
    return HttpConfig.builder()
        .clock(clock)
        .sleeper(clock)
        .readTimeout(Duration.ofSeconds(5))
        .retryPolicy(
            new RetryPolicy(3, Duration.ofMinutes(5), Backoff.retries().withRandom(() -> 0.5)));
  }

  static CloudApiClient client(MockWebServer server, ManualClock clock) {
    return client(server, config(clock).build(), false);
  }

  static CloudApiClient client(MockWebServer server, HttpConfig config, boolean requestTarget) {
    return CloudApiClient.create(
        CloudApiClient.signedEndpoint(server.url("/").uri(), LOGIN, null, key(), requestTarget),
        config);
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  static MockResponse empty(int code) {
    return new MockResponse.Builder().code(code).build();
  }

  static MockResponse error(int code, String errorCode, String message) {
    return json(code, "{\"code\":\"" + errorCode + "\",\"message\":\"" + message + "\"}");
  }

  /**
   * Asserts the method and exact target, {@code Accept-Version}, and an {@code Authorization} with
   * the account's keyId that verifies over what it says it signed.
   */
  static void assertRequest(RecordedRequest request, String method, String target) {
    assertThat(request.getMethod()).isEqualTo(method);
    assertThat(request.getTarget()).isEqualTo(target);
    assertThat(request.getHeaders().get("Accept-Version")).isEqualTo("~9||~8");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    assertSigned(request, keyId());
  }

  /** Asserts the {@code Authorization} shape and keyId, and verifies the signature with JCA. */
  static void assertSigned(RecordedRequest request, String expectedKeyId) {
    String authorization = request.getHeaders().get("Authorization");
    assertThat(authorization).isNotNull();
    Matcher m = AUTHORIZATION.matcher(authorization);
    assertThat(m.matches()).as("Authorization shape: %s", authorization).isTrue();
    assertThat(m.group(1)).isEqualTo(expectedKeyId);
    String date = request.getHeaders().get("Date");
    assertThat(date).isNotNull();
    String signed = "date: " + date;
    if (m.group(2).startsWith("(request-target)")) {
      signed =
          "(request-target): "
              + request.getMethod().toLowerCase(Locale.ROOT)
              + " "
              + request.getTarget()
              + "\n"
              + signed;
    }
    assertThat(verifies(signed, Base64.getDecoder().decode(m.group(3))))
        .as("signature over %s", signed)
        .isTrue();
  }

  /** Returns the request body parsed as JSON. */
  static JsonNode jsonBody(RecordedRequest request) {
    try {
      return MAPPER.readTree(request.getBody().utf8());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean verifies(String signingString, byte[] signature) {
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(fixturePublicKey());
      rsa.update(signingString.getBytes(StandardCharsets.UTF_8));
      return rsa.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Parses the fixture's {@code ssh-rsa} line by hand: string type, mpint e, mpint n. */
  private static PublicKey fixturePublicKey() throws GeneralSecurityException {
    try {
      String line = Files.readString(keyFile(KEY_NAME + ".pub")).strip();
      byte[] blob = Base64.getDecoder().decode(line.split(" ")[1]);
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(blob));
      String type = new String(field(in), StandardCharsets.US_ASCII);
      assertThat(type).isEqualTo("ssh-rsa");
      BigInteger e = new BigInteger(field(in));
      BigInteger n = new BigInteger(field(in));
      return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] field(DataInputStream in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return bytes;
  }

  private static Path keyFile(String name) {
    try {
      return Path.of(
          CloudApiTestSupport.class
              .getResource("/org/tritondatacenter/origin/auth/keys/" + name)
              .toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
