package org.tritondatacenter.origin.manta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.auth.HttpSigner;
import org.tritondatacenter.origin.auth.SshKeys;
import org.tritondatacenter.origin.http.Endpoint;
import org.tritondatacenter.origin.http.HttpConfig;
import org.tritondatacenter.origin.http.RetryPolicy;
import org.tritondatacenter.origin.operations.RecordingListener;
import org.tritondatacenter.origin.wait.Backoff;
import org.tritondatacenter.origin.wait.ManualClock;

/**
 * Wires a {@link MantaClient} to a MockWebServer with a real RSA fixture key, and checks the {@code
 * Authorization} of recorded requests without the code under test: the public key is parsed here
 * from the fixture's {@code .pub} line and the signature verified with plain JCA.
 */
final class MantaFixture {
  static final String LOGIN = "alice";
  static final String KEY = "openssh-rsa";
  private static final Pattern AUTHORIZATION =
      Pattern.compile(
          "Signature keyId=\"([^\"]+)\",algorithm=\"rsa-sha256\",headers=\"date\","
              + "signature=\"([A-Za-z0-9+/=]+)\"");

  final ManualClock clock = new ManualClock();
  final RecordingListener listener = new RecordingListener();

  /** Runs before every sleep, so a test can change the server while the client backs off. */
  volatile Runnable onSleep = () -> {};

  final HttpSigner signer;
  final MantaClient client;

  MantaFixture(MockWebServer server) {
    this(server, null);
  }

  MantaFixture(MockWebServer server, String subUser) {
    signer =
        HttpSigner.create(Service.MANTA, LOGIN, subUser, SshKeys.load(keyFile(KEY), null), false);
    Endpoint endpoint =
        Endpoint.signed(
            Service.MANTA, server.url("/").uri(), LOGIN, subUser, signer::authorization);
    client = MantaClient.create(endpoint, config(), signer);
  }

  HttpConfig config() {
    return HttpConfig.builder()
        .clock(clock)
        .sleeper(
            d -> {
              onSleep.run();
              clock.sleep(d);
            })
        .listener(listener)
        .readTimeout(Duration.ofSeconds(5))
        .retryPolicy(
            new RetryPolicy(4, Duration.ofMinutes(5), Backoff.retries().withRandom(() -> 0.5)))
        .build();
  }

  static MantaPath path(String path) {
    return MantaPath.of(LOGIN, path);
  }

  static Path keyFile(String name) {
    try {
      return Path.of(
          MantaFixture.class.getResource("/org/tritondatacenter/origin/auth/keys/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The MD5 fingerprint ssh-keygen printed for the fixture key (fingerprints.txt). */
  static String md5Fingerprint() {
    try {
      return Files.readAllLines(keyFile("fingerprints.txt")).stream()
          .map(l -> l.split(" "))
          .filter(f -> f[0].equals(KEY))
          .findFirst()
          .orElseThrow()[1];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts the request is signed as Manta wants, by this key, with {@code keyId}. */
  static void assertSigned(RecordedRequest request, String keyId) {
    String authorization = request.getHeaders().get("Authorization");
    String date = request.getHeaders().get("Date");
    assertThat(authorization).isNotNull();
    Matcher m = AUTHORIZATION.matcher(authorization);
    assertThat(m.matches()).as("Authorization shape: %s", authorization).isTrue();
    assertThat(m.group(1)).isEqualTo(keyId);
    assertThat(date).isNotBlank();
    assertThat(verifies("date: " + date, m.group(2))).as("signature over the Date").isTrue();
    assertThat(request.getHeaders().get("Accept-Version")).isNull();
  }

  static void assertSigned(RecordedRequest request) {
    assertSigned(request, "/" + LOGIN + "/keys/" + md5Fingerprint());
  }

  /** Verifies an rsa-sha256 signature (base64) of {@code text} with the fixture's public key. */
  static boolean verifies(String text, String base64Signature) {
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(publicKey());
      rsa.update(text.getBytes(StandardCharsets.UTF_8));
      return rsa.verify(Base64.getDecoder().decode(base64Signature));
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Parses the RSA public key from the fixture's .pub line: string type, mpint e, mpint n. */
  private static PublicKey publicKey() throws GeneralSecurityException {
    String line;
    try {
      line = Files.readString(keyFile(KEY + ".pub")).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ByteBuffer blob = ByteBuffer.wrap(Base64.getDecoder().decode(line.split(" ")[1]));
    String type = new String(field(blob), StandardCharsets.US_ASCII);
    assertThat(type).isEqualTo("ssh-rsa");
    BigInteger e = new BigInteger(field(blob));
    BigInteger n = new BigInteger(field(blob));
    return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
  }

  private static byte[] field(ByteBuffer blob) {
    byte[] bytes = new byte[blob.getInt()];
    blob.get(bytes);
    return bytes;
  }
}
