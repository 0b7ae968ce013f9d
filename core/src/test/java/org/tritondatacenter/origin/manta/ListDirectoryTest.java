package org.tritondatacenter.origin.manta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tritondatacenter.origin.manta.DirectoryTest.error;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonIoException;

class ListDirectoryTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private MantaClient client;

  private MantaClient client() {
    if (client == null) {
      client = new MantaFixture(server).client;
    }
    return client;
  }

  private static MockResponse listing(String... lines) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/x-json-stream; type=directory")
        .setHeader("Result-Set-Size", "5")
        .body(String.join("\n", lines) + (lines.length == 0 ? "" : "\n"))
        .build();
  }

  private static String object(String name) {
    return "{\"name\":\""
        + name
        + "\",\"etag\":\"e-"
        + name
        + "\",\"size\":10,\"type\":\"object\",\"mtime\":\"2026-01-01T10:00:00.000Z\","
        + "\"durability\":2}";
  }

  private static String directory(String name) {
    return "{\"name\":\"" + name + "\",\"type\":\"directory\",\"mtime\":\"2026-01-02T10:00:00Z\"}";
  }

  @Test
  void listDirectory_decodesTheNdjsonEntries() throws Exception {
    server.enqueue(listing(directory("2026"), object("image.zfs.gz")));

    DirectoryListing listing = client().listDirectory(MantaFixture.path("/alice/stor/builds"));
    List<DirectoryEntry> entries = listing.stream().toList();

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/alice/stor/builds?limit=1024");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/x-json-stream");
    MantaFixture.assertSigned(request);
    assertThat(listing.resultSetSize()).isEqualTo(5);
    assertThat(listing.directory()).isEqualTo(MantaFixture.path("/alice/stor/builds"));
    assertThat(entries)
        .containsExactly(
            new DirectoryEntry(
                "2026", EntryType.DIRECTORY, Instant.parse("2026-01-02T10:00:00Z"), -1, null, null),
            new DirectoryEntry(
                "image.zfs.gz",
                EntryType.OBJECT,
                Instant.parse("2026-01-01T10:00:00Z"),
                10,
                "e-image.zfs.gz",
                2));
    assertThat(entries.get(0).isDirectory()).isTrue();
  }

  @Test
  void listDirectory_pagesWithTheInclusiveMarkerAndDropsTheRepeatedEntry() throws Exception {
    server.enqueue(listing(object("a"), object("b"), object("c")));
    server.enqueue(listing(object("c"), object("d"), object("e")));
    server.enqueue(listing(object("e"), object("f")));

    List<String> names = new ArrayList<>();
    for (DirectoryEntry entry : client().listDirectory(MantaFixture.path("/alice/stor/d"), 3)) {
      names.add(entry.name());
    }

    assertThat(names).containsExactly("a", "b", "c", "d", "e", "f");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/alice/stor/d?limit=3");
    RecordedRequest second = server.takeRequest();
    assertThat(second.getTarget()).isEqualTo("/alice/stor/d?limit=3&marker=c");
    MantaFixture.assertSigned(second);
    assertThat(server.takeRequest().getTarget()).isEqualTo("/alice/stor/d?limit=3&marker=e");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void listDirectory_fullLastPage_endsOnAPageWithNothingNew() throws Exception {
    server.enqueue(listing(object("a"), object("b")));
    server.enqueue(listing(object("b")));

    List<String> names =
        client().listDirectory(MantaFixture.path("/alice/stor/d"), 2).stream()
            .map(DirectoryEntry::name)
            .toList();

    assertThat(names).containsExactly("a", "b");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void listDirectory_isLazy_fetchingLaterPagesOnlyWhenReached() {
    server.enqueue(listing(object("a"), object("b")));
    server.enqueue(listing(object("b"), object("c")));
    server.enqueue(listing(object("c")));

    Iterator<DirectoryEntry> it =
        client().listDirectory(MantaFixture.path("/alice/stor/d"), 2).iterator();
    assertThat(server.getRequestCount()).isEqualTo(1);
    it.next();
    it.next();
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(it.next().name()).isEqualTo("c");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void listDirectory_thousandsOfEntries_areAllListedOnceInOrder() {
    List<String> all = IntStream.range(0, 2500).mapToObj(i -> String.format("f%05d", i)).toList();
    int from = 0;
    while (true) {
      List<String> page = all.subList(from, Math.min(from + 1024, all.size()));
      server.enqueue(listing(page.stream().map(ListDirectoryTest::object).toArray(String[]::new)));
      if (page.size() < 1024) {
        break;
      }
      from += 1023; // the next page starts again at this page's last name
    }

    List<String> names =
        client().listDirectory(MantaFixture.path("/alice/stor/d")).stream()
            .map(DirectoryEntry::name)
            .collect(Collectors.toList());

    assertThat(names).isEqualTo(all);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void listDirectory_missing_isResourceNotFoundAtOnce() {
    server.enqueue(error(404, "ResourceNotFound", "/alice/stor/nope was not found"));

    assertThatThrownBy(() -> client().listDirectory(MantaFixture.path("/alice/stor/nope")))
        .isInstanceOfSatisfying(
            TritonApiException.class, e -> assertThat(e.hasCode("ResourceNotFound")).isTrue())
        .hasMessageContaining("/alice/stor/nope does not exist");
  }

  @Test
  void listDirectory_object_isRefusedWithoutReadingIt() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/octet-stream")
            .body("binary")
            .build());

    assertThatThrownBy(() -> client().listDirectory(MantaFixture.path("/alice/stor/file")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "/alice/stor/file is an object, not a directory; only directories can be listed.");
  }

  @Test
  void listDirectory_garbageLine_isReported() {
    server.enqueue(listing("not json"));

    assertThatThrownBy(() -> client().listDirectory(MantaFixture.path("/alice/stor/d")))
        .isInstanceOf(TritonIoException.class)
        .hasMessageStartingWith(
            "Manta ListDirectory of /alice/stor/d returned a line that is not a directory entry");
  }

  @Test
  void listDirectory_pageSizeOutOfRange_isRefused() {
    assertThatThrownBy(() -> client().listDirectory(MantaFixture.path("/alice/stor/d"), 1025))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The page size 1025 is out of range; give 2 to 1024.");
    assertThatThrownBy(() -> client().listDirectory(MantaFixture.path("/alice/stor/d"), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getRequestCount()).isZero();
  }
}
