package org.tritondatacenter.origin.testkit.manta;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deterministic pseudo-random bytes for synthetic objects, so a GET of many GiB streams without the
 * bytes ever being stored.
 *
 * <p>The content is cut into 64 KiB blocks and each block is filled by an xorshift generator seeded
 * from the object's seed and the block's index. A block can therefore be produced on its own, which
 * makes ranged reads as cheap as reads from the start.
 */
final class SyntheticContent {
  static final int BLOCK = 64 * 1024;

  /** MD5s already computed, by seed and size; a benchmark asks for the same object many times. */
  private static final Map<String, String> MD5S = new ConcurrentHashMap<>();

  private SyntheticContent() {}

  /** Fills {@code block} (of {@link #BLOCK} bytes) with block number {@code index} of a seed. */
  static void fill(long seed, long index, byte[] block) {
    long x = mix(seed ^ mix(index + 0x9E3779B97F4A7C15L));
    if (x == 0) {
      x = 0x2545F4914F6CDD1DL;
    }
    for (int i = 0; i < BLOCK; i += 8) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      block[i] = (byte) x;
      block[i + 1] = (byte) (x >>> 8);
      block[i + 2] = (byte) (x >>> 16);
      block[i + 3] = (byte) (x >>> 24);
      block[i + 4] = (byte) (x >>> 32);
      block[i + 5] = (byte) (x >>> 40);
      block[i + 6] = (byte) (x >>> 48);
      block[i + 7] = (byte) (x >>> 56);
    }
  }

  /** Opens {@code length} bytes of the content starting at {@code offset}. */
  static InputStream open(long seed, long offset, long length) {
    return new Stream(seed, offset, length);
  }

  /** Returns the base64 MD5 of the whole content, computed once per seed and size. */
  static String md5(long seed, long size) {
    return MD5S.computeIfAbsent(seed + ":" + size, k -> computeMd5(seed, size));
  }

  private static String computeMd5(long seed, long size) {
    MessageDigest md5 = BlobStore.md5();
    byte[] block = new byte[BLOCK];
    long left = size;
    for (long index = 0; left > 0; index++) {
      fill(seed, index, block);
      int n = (int) Math.min(BLOCK, left);
      md5.update(block, 0, n);
      left -= n;
    }
    return Base64.getEncoder().encodeToString(md5.digest());
  }

  private static long mix(long z) {
    // SplitMix64's finaliser: neighbouring block indexes give unrelated generator states.
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static final class Stream extends InputStream {
    private final long seed;
    private final byte[] block = new byte[BLOCK];
    private long position;
    private final long end;
    private long blockIndex = -1;

    Stream(long seed, long offset, long length) {
      this.seed = seed;
      this.position = offset;
      this.end = offset + length;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position >= end) {
        return -1;
      }
      long index = position / BLOCK;
      if (index != blockIndex) {
        fill(seed, index, block);
        blockIndex = index;
      }
      int inBlock = (int) (position % BLOCK);
      int n = (int) Math.min(Math.min(len, BLOCK - inBlock), end - position);
      System.arraycopy(block, inBlock, b, off, n);
      position += n;
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = Math.max(0, Math.min(n, end - position));
      position += skipped;
      return skipped;
    }

    @Override
    public int available() {
      return (int) Math.min(Integer.MAX_VALUE, end - position);
    }
  }
}
