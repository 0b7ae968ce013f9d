package org.tritondatacenter.origin.imgapi;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A stream of {@code size} pseudo-random bytes from a seed: the same bytes every time, generated as
 * they are read, so a test can move hundreds of MiB without storing them.
 */
final class GeneratedStream extends InputStream {
  private final long size;
  private long state;
  private long position;
  private long word;

  GeneratedStream(long seed, long size) {
    this.size = size;
    this.state = seed == 0 ? 1 : seed;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (position >= size) {
      return -1;
    }
    int n = (int) Math.min(length, size - position);
    int i = 0;
    while (i < n && (position & 7) != 0) {
      buffer[offset + i++] = nextByte();
    }
    // Whole words at once: a byte loop would dominate the tests' time.
    ByteBuffer out = ByteBuffer.wrap(buffer).order(ByteOrder.LITTLE_ENDIAN);
    for (; n - i >= 8; i += 8, position += 8) {
      out.putLong(offset + i, next());
    }
    while (i < n) {
      buffer[offset + i++] = nextByte();
    }
    return n;
  }

  private byte nextByte() {
    int lane = (int) (position++ & 7);
    if (lane == 0) {
      word = next();
    }
    return (byte) (word >>> (lane * 8));
  }

  /** Returns the next xorshift64 word: fast, never all zeros, and a moved chunk changes SHA-1. */
  private long next() {
    state ^= state << 13;
    state ^= state >>> 7;
    state ^= state << 17;
    return state;
  }
}
