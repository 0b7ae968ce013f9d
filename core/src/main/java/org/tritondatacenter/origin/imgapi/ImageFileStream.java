package org.tritondatacenter.origin.imgapi;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.http.ApiResponse;
import org.tritondatacenter.origin.http.DigestAlgorithm;
import org.tritondatacenter.origin.http.Digests;
import org.tritondatacenter.origin.http.HashingInputStream;

/**
 * The body of IMGAPI GetImageFile, checked against the manifest as it is read.
 *
 * <p>IMGAPI cannot report an error once the file has started: it just closes the connection. So the
 * stream counts and hashes every byte, and at the end compares the count and the SHA-1 with the
 * manifest's {@code files[0]}; a file that is shorter, longer or different fails with an {@link
 * IOException} that names both values, instead of ending normally. Progress goes to the HTTP
 * settings' listener as {@link Event.Transfer} events. Read it to the end and close it.
 */
public final class ImageFileStream extends InputStream {
  private static final long PROGRESS_STEP = 4L * 1024 * 1024;

  private final ApiResponse response;
  private final HashingInputStream in;
  private final ImageFile expected;
  private final String what;
  private final String subject;
  private final EventListener progress;
  private long nextReport = PROGRESS_STEP;
  private Digests verified;
  private IOException failure;

  ImageFileStream(
      ApiResponse response,
      ImageFile expected,
      String what,
      String subject,
      EventListener progress) {
    this.response = response;
    this.in = new HashingInputStream(response.body(), EnumSet.of(DigestAlgorithm.SHA1));
    this.expected = expected;
    this.what = what;
    this.subject = subject;
    this.progress = progress;
  }

  /** Returns the file as the manifest describes it: SHA-1, size and compression. */
  public ImageFile expected() {
    return expected;
  }

  /** Returns how many bytes were read so far. */
  public long bytesRead() {
    return in.bytesRead();
  }

  /** Returns the verified byte count and SHA-1 once the end was reached, else null. */
  public Digests verified() {
    return verified;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (verified != null) {
      return -1;
    }
    if (failure != null) {
      throw failure;
    }
    try {
      return readChecked(buffer, offset, length);
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  private int readChecked(byte[] buffer, int offset, int length) throws IOException {
    int n;
    try {
      n = in.read(buffer, offset, length);
    } catch (IOException e) {
      throw new IOException(
          what
              + ": the download broke off after "
              + in.bytesRead()
              + " of "
              + expected.size()
              + " bytes ("
              + e.getMessage()
              + "); start it again",
          e);
    }
    if (n == -1) {
      verify();
      progress.on(new Event.Transfer(subject, in.bytesRead(), expected.size()));
      return -1;
    }
    if (in.bytesRead() > expected.size()) {
      throw new IOException(
          what
              + ": the server sent more than the "
              + expected.size()
              + " bytes the manifest gives as files[0].size");
    }
    if (in.bytesRead() >= nextReport) {
      progress.on(new Event.Transfer(subject, in.bytesRead(), expected.size()));
      nextReport = in.bytesRead() + PROGRESS_STEP;
    }
    return n;
  }

  private void verify() throws IOException {
    Digests got = in.digests();
    if (got.bytes() != expected.size()) {
      throw new IOException(
          what
              + ": the download ended after "
              + got.bytes()
              + " bytes, but the manifest gives files[0].size "
              + expected.size()
              + "; start it again");
    }
    if (!got.sha1Hex().equalsIgnoreCase(expected.sha1())) {
      throw new IOException(
          what
              + ": the downloaded bytes have SHA-1 "
              + got.sha1Hex()
              + ", but the manifest gives files[0].sha1 "
              + expected.sha1());
    }
    verified = got;
  }

  /** Closes the stream and releases the connection, whether or not it was read to the end. */
  @Override
  public void close() {
    response.close();
  }

  @Override
  public String toString() {
    return "ImageFileStream[" + what + ", " + in.bytesRead() + " of " + expected.size() + "]";
  }
}
