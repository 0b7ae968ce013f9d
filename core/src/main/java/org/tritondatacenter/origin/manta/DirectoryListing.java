package org.tritondatacenter.origin.manta;

import com.fasterxml.jackson.core.JacksonException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.http.ApiClient;
import org.tritondatacenter.origin.http.ApiRequest;
import org.tritondatacenter.origin.http.ApiResponse;
import org.tritondatacenter.origin.http.Json;

/**
 * The entries of one Manta directory, fetched a page at a time as they are iterated, in name order.
 * The first page is fetched when the listing is made, so a missing directory fails there; each
 * later page is one more ListDirectory call.
 *
 * <p>Manta's {@code marker} is inclusive (it lists names {@code >=} the marker), so each later page
 * starts with the last name of the page before, which is dropped. A page is read whole and its
 * connection released before its entries are handed out, so an abandoned iteration leaks nothing.
 */
public final class DirectoryListing implements Iterable<DirectoryEntry> {
  private final ApiClient api;
  private final MantaPath dir;
  private final int pageSize;
  private final Page first;

  private DirectoryListing(ApiClient api, MantaPath dir, int pageSize, Page first) {
    this.api = api;
    this.dir = dir;
    this.pageSize = pageSize;
    this.first = first;
  }

  static DirectoryListing open(ApiClient api, MantaPath dir, int pageSize) {
    return new DirectoryListing(api, dir, pageSize, fetch(api, dir, pageSize, null));
  }

  /** Returns the directory listed. */
  public MantaPath directory() {
    return dir;
  }

  /** Returns the number of entries Manta reported ({@code result-set-size}), or -1. */
  public long resultSetSize() {
    return first.resultSetSize;
  }

  /** Returns every entry, fetching later pages as the iteration reaches them. */
  @Override
  public Iterator<DirectoryEntry> iterator() {
    return new Pages();
  }

  /** Returns the entries as a sequential stream, fetched lazily like {@link #iterator()}. */
  public Stream<DirectoryEntry> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  private final class Pages implements Iterator<DirectoryEntry> {
    private Iterator<DirectoryEntry> current = first.entries.iterator();
    private boolean more = first.isFull(pageSize);
    private String marker = first.lastName();

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && more) {
        Page page = fetch(api, dir, pageSize, marker);
        List<DirectoryEntry> entries = page.entries;
        if (!entries.isEmpty() && entries.get(0).name().equals(marker)) {
          entries = entries.subList(1, entries.size());
        }
        // A full page that brought nothing new would loop forever; stop instead.
        more = page.isFull(pageSize) && !entries.isEmpty();
        if (!entries.isEmpty()) {
          marker = entries.get(entries.size() - 1).name();
        }
        current = entries.iterator();
      }
      return current.hasNext();
    }

    @Override
    public DirectoryEntry next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no more entries in " + dir);
      }
      return current.next();
    }
  }

  private static Page fetch(ApiClient api, MantaPath dir, int limit, String marker) {
    ApiRequest request =
        ApiRequest.get("ListDirectory")
            .path(dir.requestSegments())
            .header("Accept", "application/x-json-stream")
            .query("limit", limit)
            .query("marker", marker)
            .build();
    try (ApiResponse response = api.open(request)) {
      if (!MantaHeaders.isDirectory(response.header("Content-Type"))) {
        throw new IllegalArgumentException(
            dir + " is an object, not a directory; only directories can be listed.");
      }
      List<DirectoryEntry> entries = new ArrayList<>();
      try (BufferedReader lines =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          if (!line.isBlank()) {
            entries.add(parse(dir, line));
          }
        }
      } catch (IOException e) {
        throw new TritonIoException(
            "Manta ListDirectory of " + dir + ": reading the listing failed: " + e, e);
      }
      return new Page(entries, MantaHeaders.longOrMinusOne(response.header("Result-Set-Size")));
    } catch (TritonApiException e) {
      throw MantaErrors.forRead(e, dir);
    }
  }

  private static DirectoryEntry parse(MantaPath dir, String line) {
    Row row;
    try {
      row = Json.mapper().readValue(line, Row.class);
    } catch (JacksonException e) {
      throw new TritonIoException(
          "Manta ListDirectory of "
              + dir
              + " returned a line that is not a directory entry: "
              + e.getOriginalMessage(),
          e);
    }
    if (row.name() == null) {
      throw new TritonIoException(
          "Manta ListDirectory of " + dir + " returned an entry without a name.");
    }
    return new DirectoryEntry(
        row.name(),
        row.type(),
        row.mtime(),
        row.size() == null ? -1 : row.size(),
        row.etag(),
        row.durability());
  }

  /** One NDJSON line as Manta writes it. */
  private record Row(
      String name, EntryType type, Instant mtime, Long size, String etag, Integer durability) {}

  private record Page(List<DirectoryEntry> entries, long resultSetSize) {
    boolean isFull(int pageSize) {
      return entries.size() >= pageSize;
    }

    String lastName() {
      return entries.isEmpty() ? null : entries.get(entries.size() - 1).name();
    }
  }
}
