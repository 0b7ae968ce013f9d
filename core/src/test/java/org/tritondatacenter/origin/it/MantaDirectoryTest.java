package org.tritondatacenter.origin.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.http.HttpConfig;
import org.tritondatacenter.origin.manta.DirectoryEntry;
import org.tritondatacenter.origin.manta.DirectoryListing;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.manta.MantaInputStream;
import org.tritondatacenter.origin.manta.MantaPath;
import org.tritondatacenter.origin.manta.SignedUrl;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.Clock;
import org.tritondatacenter.origin.wait.ManualClock;

/** Manta listings paged with the inclusive marker, snaplinks and pre-signed URLs. */
class MantaDirectoryTest {
  private static final ManualClock CLOCK = new ManualClock();

  @RegisterExtension
  static final LocalTritonExtension triton =
      LocalTritonExtension.withOptions(TritonClients.options(CLOCK).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(triton);

  private TritonClients clients;
  private MantaClient manta;
  private MantaPath dir;

  @BeforeEach
  void connect() {
    clients = new TritonClients(triton.triton(), CLOCK);
    manta = clients.manta();
    dir = manta.path("~~/stor/it/listing");
    manta.mkdirp(dir);
  }

  @Test
  void listDirectory_thirtyEntriesInPagesOfSeven_listsEachOnceInNameOrder() {
    List<String> names =
        IntStream.range(0, 30).mapToObj(i -> String.format("obj-%02d", i)).toList();
    for (String name : names) {
      clients.triton.manta().putSynthetic(dir.resolve(name).toString(), 10, name.hashCode());
    }
    int before = clients.triton.requests().count("ListDirectory");

    DirectoryListing listing = manta.listDirectory(dir, 7);
    List<String> listed = listing.stream().map(DirectoryEntry::name).toList();

    assertThat(listed).containsExactlyElementsOf(names);
    assertThat(listing.resultSetSize()).isEqualTo(30);
    // 7 new names, then 6 per page after the repeated marker: 7, 13, 19, 25, and a short 30.
    assertThat(clients.triton.requests().count("ListDirectory") - before).isEqualTo(5);
    assertThat(listing.stream().filter(DirectoryEntry::isDirectory)).isEmpty();
    names.forEach(name -> manta.deleteObject(dir.resolve(name)));
    assertThat(manta.listDirectory(dir)).isEmpty();
  }

  @Test
  void objectName_spacesAndNonAscii_roundTripsThroughListingGetAndSignedUrl() throws Exception {
    String name = "build log \u00fc #1 (50%; draft).txt";
    byte[] bytes = MantaObjectTest.bytes(1000);
    MantaPath path = dir.resolve(name);

    manta.putObject(path, ByteSource.ofBytes(bytes, "oddly named bytes"));

    assertThat(clients.triton.manta().exists("/alice/stor/it/listing/" + name)).isTrue();
    assertThat(manta.listDirectory(dir)).extracting(DirectoryEntry::name).containsExactly(name);
    try (MantaInputStream in = manta.getObject(path)) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
    SignedUrl signed = manta.signUrl(path, Duration.ofMinutes(5));
    HttpResponse<byte[]> fetched =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(signed.uri()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(fetched.statusCode()).isEqualTo(200);
    assertThat(fetched.body()).isEqualTo(bytes);
    manta.deleteObject(path);
  }

  @Test
  void putSnapLink_mantav1_namesTheSameStoredBytes() throws Exception {
    byte[] bytes = MantaObjectTest.bytes(5000);
    MantaPath source = dir.resolve("source.bin");
    MantaPath link = dir.resolve("latest.bin");
    manta.putObject(source, ByteSource.ofBytes(bytes, "snaplink source"));

    manta.putSnapLink(link, source);

    manta.deleteObject(source);
    try (MantaInputStream in = manta.getObject(link)) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
    assertThat(manta.head(link).md5Base64()).isEqualTo(MantaObjectTest.md5Base64(bytes));
    manta.deleteObject(link);
  }

  @Test
  void signUrl_plainUnsignedGet_servesTheObjectUntilItExpires() throws Exception {
    byte[] bytes = MantaObjectTest.bytes(2048);
    MantaPath path = dir.resolve("shared.bin");
    manta.putObject(path, ByteSource.ofBytes(bytes, "shared bytes"));
    HttpClient http = HttpClient.newHttpClient();

    SignedUrl signed = manta.signUrl(path, Duration.ofMinutes(5));
    HttpResponse<byte[]> fetched =
        http.send(
            HttpRequest.newBuilder(signed.uri()).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());

    secrets.record(signed.toString());
    assertThat(fetched.statusCode()).isEqualTo(200);
    assertThat(fetched.body()).isEqualTo(bytes);
    assertThat(signed.toString()).doesNotContain(signed.uri().getRawQuery());

    // A client whose clock is an hour slow signs URLs that expired before they were made.
    Clock hourSlow = () -> java.time.Instant.now().minus(Duration.ofHours(1));
    HttpConfig slowConfig = clients.config.newBuilder().wallClock(hourSlow).build();
    SignedUrl expired =
        clients.manta(clients.triton.mantaUrl(), slowConfig).signUrl(path, Duration.ofMinutes(5));
    HttpResponse<String> refused =
        http.send(
            HttpRequest.newBuilder(expired.uri()).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("InvalidQueryStringAuthentication", "expired");
    assertThat(clients.triton.requests().operation("GetObject"))
        .allSatisfy(r -> assertThat(r.header("Authorization")).isNull());
    manta.deleteObject(path);
  }
}
