package org.tritondatacenter.origin.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import okhttp3.Call;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.tritondatacenter.origin.TritonIoException;

/**
 * A successful (2xx or explicitly accepted) answer whose body has not been read yet. The caller
 * reads {@link #body()} or calls {@link #decode}, and closes the response.
 *
 * <p>Reading the body on an interrupted thread cancels the call and throws {@link
 * org.tritondatacenter.origin.OperationInterruptedException}; a body that drips slower than the
 * config's {@link HttpConfig#minimumThroughput()} fails with {@link TransferTooSlowException}.
 */
public final class ApiResponse implements Closeable {
  private final String what;
  private final Response response;
  private final Call call;
  private final Digests sent;
  private final int attempts;
  private final ThroughputGuard guard;
  private InputStream body;

  ApiResponse(
      String what,
      Response response,
      Call call,
      Digests sent,
      int attempts,
      ThroughputGuard guard) {
    this.what = what;
    this.response = response;
    this.call = call;
    this.sent = sent;
    this.attempts = attempts;
    this.guard = guard;
  }

  /** Returns the HTTP status code. */
  public int status() {
    return response.code();
  }

  /** Returns the last value of header {@code name}, or null. */
  public String header(String name) {
    return response.header(name);
  }

  /** Returns every value of header {@code name}. */
  public List<String> headers(String name) {
    return response.headers(name);
  }

  /** Returns all headers, names in lowercase. */
  public Map<String, List<String>> headers() {
    return response.headers().toMultimap();
  }

  /** Returns the body length the server announced, or -1 when unknown. */
  public long contentLength() {
    ResponseBody b = response.body();
    return b == null ? -1 : b.contentLength();
  }

  /** Returns the body as a stream; it is read once. */
  public synchronized InputStream body() {
    if (body == null) {
      body =
          CallRunner.interruptible(
              ThroughputGuard.guard(response.body().byteStream(), guard), call, what);
    }
    return body;
  }

  /**
   * Returns the byte count and digests of the streamed request body of the attempt that got this
   * answer, or null when the request had no streamed body or the server answered before reading all
   * of it.
   */
  public Digests sent() {
    return sent;
  }

  /** Returns how many HTTP attempts the call took, 1 when the first succeeded. */
  public int attempts() {
    return attempts;
  }

  /** Reads the body as JSON into {@code type} and closes the response. */
  public <T> T decode(Class<T> type) {
    return decode(Json.mapper().constructType(type));
  }

  /** Reads the body as JSON into {@code type} and closes the response. */
  public <T> T decode(TypeReference<T> type) {
    return decode(Json.mapper().constructType(type));
  }

  /**
   * Reads the body as JSON into {@code type} and closes the response; a {@code Void} type skips the
   * body and returns null.
   *
   * @throws TritonIoException when the body is empty, not JSON, or not of the expected shape
   */
  public <T> T decode(JavaType type) {
    try (this) {
      if (type.hasRawClass(Void.class)) {
        return null;
      }
      try {
        return Json.mapper().readValue(body(), type);
      } catch (JacksonException e) {
        throw new TritonIoException(
            what
                + " answered HTTP "
                + status()
                + " with a body that is not the expected JSON ("
                + type.getRawClass().getSimpleName()
                + "): "
                + e.getOriginalMessage(),
            e);
      } catch (IOException e) {
        throw new TritonIoException(what + ": reading the answer failed: " + e, e);
      }
    }
  }

  /** Closes the response and releases its connection. */
  @Override
  public void close() {
    response.close();
  }

  @Override
  public String toString() {
    return "ApiResponse[" + what + ", HTTP " + status() + "]";
  }
}
