package org.tritondatacenter.origin.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.Set;

/**
 * Counts and hashes the bytes read through it, for verifying a download against the length and
 * checksum the server announced (Manta {@code content-md5}, IMGAPI {@code sha1}).
 *
 * <p>Skipped bytes are read and hashed too, so the digest always covers every byte of the stream.
 * Marks are not supported.
 */
public final class HashingInputStream extends FilterInputStream {
  private final Hasher hasher;
  private Digests finished;

  /** Wraps {@code in}, computing the given digests. */
  public HashingInputStream(InputStream in, Set<DigestAlgorithm> algorithms) {
    super(in);
    this.hasher = new Hasher(algorithms.isEmpty() ? Set.of() : EnumSet.copyOf(algorithms));
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (finished != null) {
      throw new IOException("read after digests() was called");
    }
    int n = in.read(buffer, offset, length);
    if (n > 0) {
      hasher.update(buffer, offset, n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[(int) Math.min(n, 8192)];
    long skipped = 0;
    while (skipped < n) {
      int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (read == -1) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public synchronized void mark(int readLimit) {}

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark/reset not supported");
  }

  /** Returns the number of bytes read so far. */
  public long bytesRead() {
    return hasher.bytes();
  }

  /** Finishes and returns the digests of everything read; no reads are allowed afterwards. */
  public Digests digests() {
    if (finished == null) {
      finished = hasher.finish();
    }
    return finished;
  }
}
