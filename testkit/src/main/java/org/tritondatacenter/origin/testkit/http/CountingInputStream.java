package org.tritondatacenter.origin.testkit.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts request-body bytes and, when a fault asks for it, fails the read after N bytes; the server
 * then cuts the connection instead of answering.
 */
final class CountingInputStream extends FilterInputStream {
  private final long resetAfter;
  private final Runnable reset;
  private long count;

  CountingInputStream(InputStream in, long resetAfter, Runnable reset) {
    super(in);
    this.resetAfter = resetAfter;
    this.reset = reset;
  }

  long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (resetAfter >= 0) {
      long left = resetAfter - count;
      if (left <= 0) {
        reset.run();
        throw new IOException("connection reset by fault after " + count + " body bytes");
      }
      len = (int) Math.min(len, left);
    }
    int n = super.read(b, off, len);
    if (n > 0) {
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buf = new byte[8192];
    long skipped = 0;
    while (skipped < n) {
      int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }
}
