package org.tritondatacenter.origin.testkit.manta;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bytes behind one or more object entries: a file on disk, a synthetic stream, or nothing at
 * all (DISCARD mode keeps only size and MD5).
 *
 * <p>A blob is reference-counted: each namespace entry holds one reference (a snaplink adds one),
 * and each read holds one while it streams, so replacing or deleting an object never cuts a GET
 * already under way. The file is deleted when the last reference goes.
 */
final class Blob {
  /** Where the bytes of a blob are. */
  enum Kind {
    FILE,
    SYNTHETIC,
    DISCARDED
  }

  private final Kind kind;
  private final Path file;
  private final long seed;
  private final long size;
  private final String md5;
  private final AtomicInteger refs = new AtomicInteger(1);

  private Blob(Kind kind, Path file, long seed, long size, String md5) {
    this.kind = kind;
    this.file = file;
    this.seed = seed;
    this.size = size;
    this.md5 = md5;
  }

  static Blob file(Path file, long size, String md5) {
    return new Blob(Kind.FILE, file, 0, size, md5);
  }

  static Blob discarded(long size, String md5) {
    return new Blob(Kind.DISCARDED, null, 0, size, md5);
  }

  static Blob synthetic(long size, long seed) {
    return new Blob(Kind.SYNTHETIC, null, seed, size, null);
  }

  Kind kind() {
    return kind;
  }

  long size() {
    return size;
  }

  /** Returns the base64 MD5; a synthetic blob computes it on first use (then it is cached). */
  String md5() {
    return kind == Kind.SYNTHETIC ? SyntheticContent.md5(seed, size) : md5;
  }

  /** Returns true when the bytes can be read back. */
  boolean readable() {
    return kind != Kind.DISCARDED || size == 0;
  }

  /** Opens {@code length} bytes from {@code offset}; the caller holds a reference meanwhile. */
  InputStream open(long offset, long length) throws IOException {
    switch (kind) {
      case SYNTHETIC:
        return SyntheticContent.open(seed, offset, length);
      case FILE:
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(offset);
        return new BoundedStream(Channels.newInputStream(channel), length);
      default:
        if (size == 0) {
          return InputStream.nullInputStream();
        }
        throw new IOException("the bytes of a DISCARD-mode object were never kept");
    }
  }

  Blob retain() {
    refs.incrementAndGet();
    return this;
  }

  void release() {
    if (refs.decrementAndGet() == 0 && file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // Best effort: the whole data directory goes when the simulator closes.
      }
    }
  }

  private static final class BoundedStream extends java.io.FilterInputStream {
    private long left;

    BoundedStream(InputStream in, long length) {
      super(in);
      this.left = length;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = super.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }
}
