package org.tritondatacenter.origin.manta;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.SplittableRandom;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;
import org.tritondatacenter.origin.http.ByteSource;

/**
 * Deterministic pseudo-random content of any size, generated on the fly and addressable by
 * position, so a test can stream hundreds of MiB, or any range of them, without storing them.
 */
final class Generated {
  private static final int BLOCK = 64 * 1024;

  private final long seed;
  private final long size;

  Generated(long seed, long size) {
    this.seed = seed;
    this.size = size;
  }

  long size() {
    return size;
  }

  /** Returns the bytes of {@code [from, to)}; for small ranges only. */
  byte[] bytes(long from, long to) {
    byte[] out = new byte[Math.toIntExact(to - from)];
    try (InputStream in = stream(from)) {
      in.readNBytes(out, 0, out.length);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  byte[] all() {
    return bytes(0, size);
  }

  /** Returns the content from {@code from} to the end. */
  InputStream stream(long from) {
    return new InputStream() {
      private final byte[] block = new byte[BLOCK];
      private long blockIndex = -1;
      private long position = from;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (position >= size) {
          return -1;
        }
        long index = position / BLOCK;
        if (index != blockIndex) {
          new SplittableRandom(seed * 1_000_003L + index).nextBytes(block);
          blockIndex = index;
        }
        int inBlock = (int) (position % BLOCK);
        int n = (int) Math.min(Math.min(len, BLOCK - inBlock), size - position);
        System.arraycopy(block, inBlock, b, off, n);
        position += n;
        return n;
      }
    };
  }

  /** Returns the content as a re-openable upload source that counts its opens. */
  ByteSource source(String name, long claimedSize, int[] opens) {
    return new ByteSource() {
      @Override
      public InputStream open() {
        opens[0]++;
        return stream(0);
      }

      @Override
      public long size() {
        return claimedSize;
      }

      @Override
      public String describe() {
        return name;
      }
    };
  }

  /** Returns a MockWebServer body holding {@code [from, size)}, written as it goes. */
  MockResponseBody body(long from) {
    return new MockResponseBody() {
      @Override
      public long getContentLength() {
        return size - from;
      }

      @Override
      public void writeTo(BufferedSink sink) throws java.io.IOException {
        byte[] buffer = new byte[BLOCK];
        try (InputStream in = stream(from)) {
          int n;
          while ((n = in.read(buffer, 0, buffer.length)) != -1) {
            sink.write(buffer, 0, n);
          }
        }
        // MockWebServer only emits after the body; an owned partial segment would stay buffered.
        sink.flush();
      }
    };
  }

  /** Returns the MD5 of the whole content, computed in one streaming pass. */
  byte[] md5() {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      byte[] buffer = new byte[BLOCK];
      try (InputStream in = stream(0)) {
        int n;
        while ((n = in.read(buffer, 0, buffer.length)) != -1) {
          md5.update(buffer, 0, n);
        }
      }
      return md5.digest();
    } catch (NoSuchAlgorithmException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  String md5Base64() {
    return Base64.getEncoder().encodeToString(md5());
  }
}
