package org.tritondatacenter.origin.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.events.EventListener;

/**
 * The request body of one attempt: streams a {@link ByteSource} and hashes it in the same pass.
 *
 * <p>A plain 64 KiB {@code byte[]} loop measured fastest (faster than Okio's hashing source). The
 * digests are computed on a second thread ({@link PipelinedHasher}), so a slow digest such as MD5
 * and the send run at once instead of one after the other. It is one-shot: OkHttp must never replay
 * it by itself, because only a new attempt with a new body (and so fresh digests) may send the
 * bytes again.
 */
final class StreamingBody extends RequestBody {
  static final int BUFFER_SIZE = 64 * 1024;
  private static final long PROGRESS_STEP = 4L * 1024 * 1024;

  private final ByteSource source;
  private final MediaType contentType;
  private final long size;
  private final Set<DigestAlgorithm> algorithms;
  private final EventListener progress;
  private final ThroughputGuard guard;
  private volatile Digests sent;
  private boolean started;

  StreamingBody(
      ByteSource source,
      MediaType contentType,
      Set<DigestAlgorithm> algorithms,
      EventListener progress,
      ThroughputGuard guard) {
    this.source = source;
    this.contentType = contentType;
    this.size = source.size();
    this.algorithms = algorithms;
    this.progress = progress;
    this.guard = guard;
  }

  @Override
  public MediaType contentType() {
    return contentType;
  }

  @Override
  public long contentLength() {
    return size;
  }

  @Override
  public boolean isOneShot() {
    return true;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    synchronized (this) {
      if (started) {
        throw new IOException("request body of " + source.describe() + " was already sent");
      }
      started = true;
    }
    if (algorithms.isEmpty()) {
      sent = send(sink, null);
      return;
    }
    try (PipelinedHasher hasher = new PipelinedHasher(algorithms, BUFFER_SIZE)) {
      send(sink, hasher);
      sent = hasher.finish();
    }
  }

  /**
   * Streams the source into {@code sink}, each chunk handed to {@code hasher} (null: no digests)
   * before it is written, and returns the byte count.
   */
  private Digests send(BufferedSink sink, PipelinedHasher hasher) throws IOException {
    byte[] own = hasher == null ? new byte[BUFFER_SIZE] : null;
    long bytes = 0;
    long nextReport = PROGRESS_STEP;
    try (InputStream in = openSource()) {
      while (true) {
        byte[] buffer = hasher == null ? own : hasher.take();
        int n = readSource(in, buffer);
        if (n == -1) {
          if (hasher != null) {
            hasher.giveBack(buffer);
          }
          break;
        }
        if (hasher != null) {
          // Handed over first, so the digest thread hashes this chunk while it is being written.
          hasher.submit(buffer, n);
        }
        long start = System.nanoTime();
        sink.write(buffer, 0, n);
        if (guard != null) {
          guard.account(System.nanoTime() - start, n);
        }
        bytes += n;
        if (bytes >= nextReport) {
          progress.on(new Event.Transfer(source.describe(), bytes, size));
          nextReport = bytes + PROGRESS_STEP;
        }
      }
    }
    if (size >= 0 && bytes != size) {
      throw new SourceFailure(
          source.describe()
              + " changed while it was being sent: expected "
              + size
              + " bytes, read "
              + bytes,
          null);
    }
    sink.flush();
    progress.on(new Event.Transfer(source.describe(), bytes, size));
    return new Digests(bytes, null, null);
  }

  /** Returns what this attempt sent once the whole body was written, else null. */
  Digests sent() {
    return sent;
  }

  private InputStream openSource() throws SourceFailure {
    try {
      return source.open();
    } catch (IOException e) {
      throw new SourceFailure("cannot open " + source.describe() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Fills {@code buffer} as far as the source allows and returns the byte count, or -1 at its end.
   * A network source (another download) returns a few KiB per read; passing such slivers on one by
   * one would cost a hand-over to the digest thread and a socket write each.
   */
  private int readSource(InputStream in, byte[] buffer) throws SourceFailure {
    int filled = 0;
    try {
      while (filled < buffer.length) {
        int n = in.read(buffer, filled, buffer.length - filled);
        if (n == -1) {
          break;
        }
        filled += n;
      }
    } catch (IOException e) {
      throw new SourceFailure("cannot read " + source.describe() + ": " + e.getMessage(), e);
    }
    return filled == 0 ? -1 : filled;
  }

  /** A failure of the local source rather than the network: retrying would not help. */
  static final class SourceFailure extends IOException {
    private static final long serialVersionUID = 1L;

    SourceFailure(String message, IOException cause) {
      super(message, cause);
    }
  }
}
