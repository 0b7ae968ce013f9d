package org.tritondatacenter.origin.manta;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.http.ApiClient;
import org.tritondatacenter.origin.http.ApiRequest;
import org.tritondatacenter.origin.http.ApiResponse;
import org.tritondatacenter.origin.http.RetryPolicy;

/**
 * The body of a Manta object, read as it arrives and checked at its end: the byte count against
 * {@code content-length} and the MD5 against {@code content-md5}. The caller closes it.
 *
 * <p>When the connection drops mid-body, it asks again for the rest with {@code Range:
 * bytes=<received>-} and {@code If-Match: <etag>} (each attempt signed afresh) and keeps hashing,
 * so the MD5 still covers every byte once. It gives up after the retry policy's number of attempts
 * without progress. A changed object (HTTP 412) or a wrong digest ends the read with an exception
 * from {@code read}: {@link TritonApiException} or {@link TritonIoException}, both unchecked.
 */
public final class MantaInputStream extends InputStream {
  private static final long PROGRESS_STEP = 4L * 1024 * 1024;
  private static final int SKIP_BUFFER = 64 * 1024;

  private final ApiClient api;
  private final MantaPath path;
  private final MantaObject info;
  private final MessageDigest md5 = newMd5();
  private ApiResponse response;
  private InputStream body;
  private long received;
  private long nextProgress = PROGRESS_STEP;
  private long lastFailureAt = -1;
  private int failuresWithoutProgress;
  private int resumes;
  private String md5Base64;
  private boolean done;
  private boolean closed;

  private MantaInputStream(ApiClient api, MantaPath path, ApiResponse first, MantaObject info) {
    this.api = api;
    this.path = path;
    this.response = first;
    this.body = first.body();
    this.info = info;
  }

  /** Sends the first GET; a directory is refused, because its body is a listing. */
  static MantaInputStream open(ApiClient api, MantaPath path) {
    ApiResponse first;
    try {
      first = api.open(request(path).build());
    } catch (TritonApiException e) {
      throw MantaErrors.forRead(e, path);
    }
    MantaObject info = MantaHeaders.objectOf(path, first);
    if (info.isDirectory()) {
      first.close();
      throw new IllegalArgumentException(
          path + " is a directory, not an object; list it with listDirectory.");
    }
    return new MantaInputStream(api, path, first, info);
  }

  private static ApiRequest.Builder request(MantaPath path) {
    // Manta answers 406 when Accept excludes the stored type, and objects are of any type.
    // Identity encoding keeps the HTTP client from unzipping a body stored with Content-Encoding,
    // which would no longer match its content-md5.
    return ApiRequest.get("GetObject")
        .path(path.requestSegments())
        .header("Accept", "*/*")
        .header("Accept-Encoding", "identity");
  }

  /** Returns what the first answer's headers said about the object. */
  public MantaObject info() {
    return info;
  }

  /** Returns the number of body bytes read so far. */
  public long bytesRead() {
    return received;
  }

  /** Returns how many times the download resumed after a dropped connection. */
  public int resumes() {
    return resumes;
  }

  /** Returns the MD5 of the whole body in base64 once it has been read to its end, else null. */
  public String md5Base64() {
    return md5Base64;
  }

  /** Returns the MD5 of the whole body in lowercase hex once read to its end, else null. */
  public String md5Hex() {
    return md5Base64 == null
        ? null
        : HexFormat.of().formatHex(Base64.getDecoder().decode(md5Base64));
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    if (closed) {
      throw new IOException("the download of " + path + " was closed");
    }
    if (done) {
      return -1;
    }
    if (length == 0) {
      return 0;
    }
    while (true) {
      int n;
      try {
        n = body.read(buffer, offset, length);
      } catch (IOException e) {
        resume(e);
        continue;
      }
      if (n < 0) {
        if (info.size() >= 0 && received < info.size()) {
          resume(new EOFException("the body ended after " + received + " bytes"));
          continue;
        }
        finish();
        return -1;
      }
      md5.update(buffer, offset, n);
      received += n;
      if (info.size() >= 0 && received > info.size()) {
        throw new TritonIoException(
            "Manta GetObject of "
                + path
                + " sent more than the "
                + info.size()
                + " bytes its content-length announced; the answer is not the object.");
      }
      if (received >= nextProgress) {
        api.config().listener().on(new Event.Transfer(path.toString(), received, info.size()));
        nextProgress = received + PROGRESS_STEP;
      }
      return n;
    }
  }

  /** Asks for the rest of the object until an answer can be read or the budget is spent. */
  private void resume(IOException cause) {
    IOException last = cause;
    while (true) {
      if (Thread.currentThread().isInterrupted()) {
        closeResponse();
        throw new OperationInterruptedException(
            "Manta GetObject of " + path + " was interrupted", last);
      }
      closeResponse();
      if (info.etag() == null) {
        throw new TritonIoException(
            "Manta GetObject of "
                + path
                + " lost its connection after "
                + received
                + " bytes and cannot resume, because the answer carried no etag to pin the"
                + " object: "
                + last,
            last);
      }
      if (received > lastFailureAt) {
        failuresWithoutProgress = 0;
      }
      lastFailureAt = received;
      failuresWithoutProgress++;
      RetryPolicy policy = api.config().retryPolicy();
      if (failuresWithoutProgress >= policy.maxAttempts()) {
        throw new TritonIoException(
            "Manta GetObject of "
                + path
                + " lost its connection "
                + failuresWithoutProgress
                + " times at byte "
                + received
                + " of "
                + info.size()
                + " without progress; giving up: "
                + last,
            last);
      }
      Duration delay = policy.backoff().delay(failuresWithoutProgress - 1);
      api.config()
          .listener()
          .on(
              new Event.Warning(
                  "Manta GetObject of "
                      + path
                      + ": the connection dropped after "
                      + received
                      + " of "
                      + info.size()
                      + " bytes ("
                      + last
                      + "); resuming from there in "
                      + delay.toMillis()
                      + " ms"));
      sleep(delay);
      try {
        reopenAt(received);
        resumes++;
        return;
      } catch (IOException e) {
        last = e;
      }
    }
  }

  /** Opens the object again from byte {@code offset}; only the same version (etag) is accepted. */
  private void reopenAt(long offset) throws IOException {
    ApiRequest.Builder request = request(path).header("If-Match", info.etag());
    if (offset > 0) {
      request.header("Range", "bytes=" + offset + "-");
    }
    ApiResponse next;
    try {
      next = api.open(request.build());
    } catch (TritonApiException e) {
      if (e.httpStatus() == 412) {
        throw MantaErrors.explain(
            e,
            path
                + " changed on the server while it was being downloaded (its etag is no longer "
                + info.etag()
                + "); download it again");
      }
      throw MantaErrors.forRead(e, path);
    }
    response = next;
    body = next.body();
    if (next.status() == 206) {
      String range = next.header("Content-Range");
      if (range == null || !range.trim().startsWith("bytes " + offset + "-")) {
        throw new TritonIoException(
            "Manta GetObject of "
                + path
                + " answered the resume at byte "
                + offset
                + " with the range '"
                + range
                + "'; the download cannot continue.");
      }
    } else if (offset > 0) {
      // The server ignored the Range and sent the whole object: skip what was already hashed.
      long left = offset;
      byte[] scratch = new byte[SKIP_BUFFER];
      while (left > 0) {
        int n = body.read(scratch, 0, (int) Math.min(scratch.length, left));
        if (n < 0) {
          throw new EOFException("the body ended while skipping to byte " + offset);
        }
        left -= n;
      }
    }
  }

  private void finish() {
    done = true;
    closeResponse();
    byte[] digest = md5.digest();
    md5Base64 = Base64.getEncoder().encodeToString(digest);
    api.config().listener().on(new Event.Transfer(path.toString(), received, info.size()));
    String expected = info.md5Base64();
    if (expected == null) {
      api.config()
          .listener()
          .on(
              new Event.Warning(
                  "Manta GetObject of "
                      + path
                      + " carried no content-md5, so its "
                      + received
                      + " bytes (MD5 "
                      + md5Base64
                      + ") were checked for length only"));
      return;
    }
    byte[] expectedBytes;
    try {
      expectedBytes = Base64.getDecoder().decode(expected);
    } catch (IllegalArgumentException e) {
      expectedBytes = new byte[0];
    }
    if (!Arrays.equals(expectedBytes, digest)) {
      throw new TritonIoException(
          "Manta GetObject of "
              + path
              + ": the "
              + received
              + " bytes received have MD5 "
              + md5Base64
              + " (hex "
              + HexFormat.of().formatHex(digest)
              + "), but Manta's content-md5 is "
              + expected
              + (expectedBytes.length == 0
                  ? " (not base64)"
                  : " (hex " + HexFormat.of().formatHex(expectedBytes) + ")")
              + "; the download is corrupt, fetch it again.");
    }
  }

  private void sleep(Duration delay) {
    try {
      api.config().sleeper().sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OperationInterruptedException(
          "Manta GetObject of " + path + " was interrupted while waiting to resume", e);
    }
  }

  private void closeResponse() {
    if (response != null) {
      response.close();
      response = null;
    }
  }

  /** Closes the connection; a download closed before its end is simply abandoned. */
  @Override
  public void close() {
    closed = true;
    closeResponse();
  }

  private static MessageDigest newMd5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE has MD5", e);
    }
  }

  @Override
  public String toString() {
    return "MantaInputStream[" + path + ", " + received + " of " + info.size() + " bytes]";
  }
}
