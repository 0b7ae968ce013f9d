package org.tritondatacenter.origin.manta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.auth.HttpSigner;
import org.tritondatacenter.origin.auth.SshKeys;
import org.tritondatacenter.origin.http.Endpoint;

class SignUrlTest {
  private static final Pattern SIGNATURE = Pattern.compile("&signature=([^&]+)$");

  @StartStop final MockWebServer server = new MockWebServer();

  private static String fingerprintEncoded() {
    return MantaFixture.md5Fingerprint().replace(":", "%3A");
  }

  private static String signatureOf(URI uri) {
    Matcher m = SIGNATURE.matcher(uri.toString());
    assertThat(m.find()).as("signature parameter in %s", uri).isTrue();
    return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
  }

  private MantaClient clientFor(String baseUrl, String subUser) {
    HttpSigner signer =
        HttpSigner.create(
            Service.MANTA,
            "alice",
            subUser,
            SshKeys.load(MantaFixture.keyFile(MantaFixture.KEY), null),
            false);
    Endpoint endpoint =
        Endpoint.signed(
            Service.MANTA, URI.create(baseUrl), "alice", subUser, signer::authorization);
    return MantaClient.create(endpoint, new MantaFixture(server).config(), signer);
  }

  @Test
  void signUrl_get_signsMethodHostPathAndSortedQuery() {
    MantaFixture manta = new MantaFixture(server);
    Instant expires = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);

    SignedUrl signed =
        manta.client.signUrl(MantaFixture.path("/alice/stor/a b.zfs.gz"), expires, Set.of("get"));

    String host = "localhost:" + server.getPort();
    String query =
        "algorithm=RSA-SHA256&expires="
            + expires.getEpochSecond()
            + "&keyId=%2Falice%2Fkeys%2F"
            + fingerprintEncoded();
    assertThat(signed.uri().toString())
        .startsWith("http://" + host + "/alice/stor/a%20b.zfs.gz?" + query + "&signature=");
    String toSign = "GET\n" + host + "\n/alice/stor/a%20b.zfs.gz\n" + query;
    assertThat(MantaFixture.verifies(toSign, signatureOf(signed.uri()))).isTrue();
    assertThat(signed.expires()).isEqualTo(expires);
    assertThat(signed.methods()).containsExactly("GET");
    assertThat(signed.path()).isEqualTo(MantaFixture.path("/alice/stor/a b.zfs.gz"));
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void signUrl_severalMethods_sendsThemSortedAsMethod() {
    MantaFixture manta = new MantaFixture(server);
    Instant expires = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);

    SignedUrl signed =
        manta.client.signUrl(MantaFixture.path("/alice/public/x"), expires, Set.of("HEAD", "GET"));

    String query =
        "algorithm=RSA-SHA256&expires="
            + expires.getEpochSecond()
            + "&keyId=%2Falice%2Fkeys%2F"
            + fingerprintEncoded()
            + "&method=GET%2CHEAD";
    assertThat(signed.uri().getRawQuery()).startsWith(query + "&signature=");
    String toSign = "GET,HEAD\nlocalhost:" + server.getPort() + "\n/alice/public/x\n" + query;
    assertThat(MantaFixture.verifies(toSign, signatureOf(signed.uri()))).isTrue();
  }

  @Test
  void signUrl_defaultHttpsPortAndPathPrefix_matchWhatTheFetcherSends() {
    MantaClient client = clientFor("https://Manta.Example.com:443/prefix/", null);
    Instant expires = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

    SignedUrl signed = client.signUrl(client.path("/alice/stor/x"), expires, Set.of("GET"));

    assertThat(signed.uri().toString())
        .startsWith("https://manta.example.com/prefix/alice/stor/x?algorithm=RSA-SHA256&");
    String toSign =
        "GET\nmanta.example.com\n/prefix/alice/stor/x\n"
            + signed.uri().getRawQuery().replaceAll("&signature=.*$", "");
    assertThat(MantaFixture.verifies(toSign, signatureOf(signed.uri()))).isTrue();
  }

  @Test
  void signUrl_subUser_usesTheMantaSubUserKeyId() {
    MantaClient client = clientFor("https://manta.example.com", "bob");

    SignedUrl signed = client.signUrl(client.path("/alice/stor/x"), Duration.ofMinutes(5));

    assertThat(signed.uri().getRawQuery())
        .contains("&keyId=%2Falice%2Fbob%2Fkeys%2F" + fingerprintEncoded() + "&signature=");
  }

  @Test
  void signUrl_validFor_countsFromNow() {
    MantaFixture manta = new MantaFixture(server);
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    SignedUrl signed =
        manta.client.signUrl(MantaFixture.path("/alice/stor/x"), Duration.ofHours(1));

    assertThat(signed.expires())
        .isBetween(before.plus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(1)));
    assertThat(signed.uri().getRawQuery()).contains("expires=" + signed.expires().getEpochSecond());
  }

  @Test
  void signedUrl_toString_leavesTheSignatureOut() {
    MantaFixture manta = new MantaFixture(server);

    SignedUrl signed =
        manta.client.signUrl(MantaFixture.path("/alice/stor/x"), Duration.ofHours(1));

    assertThat(signed.toString())
        .contains("signature=<redacted>")
        .doesNotContain(signed.uri().getRawQuery().replaceAll("^.*&signature=", ""));
  }

  @Test
  void signUrl_pastExpiryOrNoMethod_isRefused() {
    MantaFixture manta = new MantaFixture(server);
    MantaPath path = MantaFixture.path("/alice/stor/x");

    assertThatThrownBy(
            () -> manta.client.signUrl(path, Instant.now().minusSeconds(1), Set.of("GET")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("which is not ahead");
    assertThatThrownBy(() -> manta.client.signUrl(path, Instant.now().plusSeconds(60), Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("give at least GET");
    assertThatThrownBy(
            () -> manta.client.signUrl(path, Instant.now().plusSeconds(60), Set.of("GET /x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a word");
  }

  @Test
  void signUrl_clientWithoutSigner_saysHowToGetOne() {
    MantaFixture manta = new MantaFixture(server);
    MantaClient plain =
        MantaClient.create(
            Endpoint.signed(
                Service.MANTA, server.url("/").uri(), "alice", null, manta.signer::authorization),
            manta.config());

    assertThatThrownBy(() -> plain.signUrl(MantaFixture.path("/alice/stor/x"), Duration.ofHours(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MantaClient.create(endpoint, config, signer)");
  }

  @Test
  void create_signerOfAnotherAccountOrService_isRefused() {
    MantaFixture manta = new MantaFixture(server);
    Endpoint bob =
        Endpoint.signed(
            Service.MANTA, server.url("/").uri(), "bob", null, manta.signer::authorization);
    Endpoint cloudapi =
        Endpoint.signed(
            Service.CLOUDAPI, server.url("/").uri(), "alice", null, manta.signer::authorization);

    assertThatThrownBy(() -> MantaClient.create(bob, manta.config(), manta.signer))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not of the Manta account 'bob'");
    assertThatThrownBy(() -> MantaClient.create(cloudapi, manta.config()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a Manta endpoint, not a CloudAPI one");
  }
}
