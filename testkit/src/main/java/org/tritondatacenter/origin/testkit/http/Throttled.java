package org.tritondatacenter.origin.testkit.http;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * Streams that move a body at a set rate, in slices of a tenth of a second, for a fault that drips
 * an answer or reads an upload slowly. The pace is real time: what it tests is a client's guard on
 * a real network, not simulated waits.
 */
final class Throttled {
  private final long bytesPerSecond;
  private final int slice;
  private final long start = System.nanoTime();
  private long moved;

  private Throttled(long bytesPerSecond) {
    this.bytesPerSecond = bytesPerSecond;
    this.slice = (int) Math.max(1, Math.min(64 * 1024, bytesPerSecond / 10));
  }

  /** Returns {@code out} writing at most {@code bytesPerSecond}, flushing each slice. */
  static OutputStream output(OutputStream out, long bytesPerSecond) {
    Throttled pace = new Throttled(bytesPerSecond);
    return new FilterOutputStream(out) {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
          int n = Math.min(pace.slice, len - done);
          pace.await();
          out.write(b, off + done, n);
          // Flushed slice by slice: a buffered slice would reach the client in bursts.
          out.flush();
          pace.moved += n;
          done += n;
        }
      }
    };
  }

  /** Returns {@code in} reading at most {@code bytesPerSecond}. */
  static InputStream input(InputStream in, long bytesPerSecond) {
    Throttled pace = new Throttled(bytesPerSecond);
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        pace.await();
        int n = in.read(b, off, Math.min(len, pace.slice));
        if (n > 0) {
          pace.moved += n;
        }
        return n;
      }
    };
  }

  /** Sleeps until the bytes moved so far are due at the set rate. */
  private void await() throws IOException {
    long due = start + (long) (moved * 1e9 / bytesPerSecond);
    long wait = due - System.nanoTime();
    if (wait <= 0) {
      return;
    }
    try {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("throttled transfer interrupted");
    }
  }
}
