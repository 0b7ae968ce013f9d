package org.tritondatacenter.origin.testkit.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.StandardSocketOptions;
import java.net.URLDecoder;
import java.nio.channels.NetworkChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * One request and its answer, seen by a handler as plain blocking code.
 *
 * <p>The request body is streamed: nothing is read until the handler reads it, and Jetty sends
 * {@code 100 Continue} only at that moment. A handler answers exactly once, with {@link #sendJson},
 * {@link #sendEmpty}, {@link #sendBytes} or {@link #openBody}.
 */
public final class Exchange {
  private final Request request;
  private final Response response;
  private final String endpointName;
  private final ServiceKind kind;
  private final Map<String, List<String>> query;
  private final List<String> segments;
  private final RequestRecord.Builder record;
  private Map<String, String> pathParams = Map.of();
  private String operation = "Unknown";
  private Principal principal;
  private InputStream source;
  private CountingInputStream body;
  private boolean responded;
  private byte[] bufferedBody;
  private long bodyLimitBeforeReset = -1;
  private boolean discardResponse;
  private Fault.Checksum checksumFault = Fault.Checksum.NONE;
  private Fault headerFault;
  private long responseBytesPerSecond;
  private long requestBytesPerSecond;

  Exchange(
      Request request,
      Response response,
      String endpointName,
      ServiceKind kind,
      RequestRecord.Builder record) {
    this.request = request;
    this.response = response;
    this.endpointName = endpointName;
    this.kind = kind;
    this.record = record;
    this.query = parseQuery(request.getHttpURI().getQuery());
    this.segments = splitPath(request.getHttpURI().getPath());
  }

  // ---- request ----

  public String method() {
    return request.getMethod();
  }

  /** Returns the path as sent, still percent-encoded. */
  public String rawPath() {
    return request.getHttpURI().getPath();
  }

  /** Returns the raw query string, or null. */
  public String rawQuery() {
    return request.getHttpURI().getQuery();
  }

  /** Returns path and query exactly as sent, the value HTTP Signature's (request-target) uses. */
  public String pathAndQuery() {
    String q = rawQuery();
    return q == null ? rawPath() : rawPath() + "?" + q;
  }

  /** Returns the decoded, non-empty path segments. */
  public List<String> segments() {
    return segments;
  }

  /** Returns the decoded path, rebuilt from its segments: {@code /a/b/c}. */
  public String decodedPath() {
    return "/" + String.join("/", segments);
  }

  /** Returns the first value of a query parameter, or null. */
  public String query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Returns all values of a query parameter. */
  public List<String> queryAll(String name) {
    return query.getOrDefault(name, List.of());
  }

  /** Returns every query parameter, in order. */
  public Map<String, List<String>> queryParams() {
    return Collections.unmodifiableMap(query);
  }

  /** Returns the first value of a request header (case-insensitive), or null. */
  public String header(String name) {
    return request.getHeaders().get(name);
  }

  /** Returns every request header as name/value pairs, in the order received. */
  public List<Map.Entry<String, String>> headerList() {
    List<Map.Entry<String, String>> list = new ArrayList<>();
    for (HttpField field : request.getHeaders()) {
      list.add(Map.entry(field.getName(), field.getValue()));
    }
    return list;
  }

  /** Returns the declared request length, or -1 when the body is chunked or absent. */
  public long contentLength() {
    return request.getLength();
  }

  /** Returns true when the connection is TLS. */
  public boolean secure() {
    return request.isSecure();
  }

  /** Returns the Host header as sent. */
  public String host() {
    return request.getHeaders().get("Host");
  }

  /** Returns the name of the endpoint that received the request, such as {@code manta}. */
  public String endpointName() {
    return endpointName;
  }

  public ServiceKind kind() {
    return kind;
  }

  /**
   * Returns the request body as a stream. Reading it sends {@code 100 Continue} to a client that
   * asked for it. A fault may cut the connection after a number of bytes.
   */
  public InputStream body() {
    if (body == null) {
      InputStream in =
          bufferedBody != null ? new java.io.ByteArrayInputStream(bufferedBody) : source();
      if (requestBytesPerSecond > 0 && bufferedBody == null) {
        in = Throttled.input(in, requestBytesPerSecond);
      }
      body = new CountingInputStream(in, bodyLimitBeforeReset, this::discardResponse);
    }
    return body;
  }

  private InputStream source() {
    if (source == null) {
      source = Request.asInputStream(request);
    }
    return source;
  }

  /**
   * Reads and drops what the handler left of a body of at most {@code limit} declared bytes, before
   * an error is answered. Node's HTTP server, which all three services run on, does the same with
   * an unread body once it has answered, so the client's upload completes and then it reads the
   * answer; closing with unread bytes instead would reset the connection, and the client could see
   * a broken pipe in place of the answer. A client that asked for {@code 100 Continue} has sent
   * nothing to drop, and a larger body is left unread, so a client's handling of an answer that
   * comes before its upload ends stays testable. The dropped bytes are not counted as read.
   */
  void drainSmallBody(long limit) {
    long length = request.getLength();
    if (bufferedBody != null
        || length <= 0
        || length > limit
        || "100-continue".equalsIgnoreCase(request.getHeaders().get("Expect"))) {
      return;
    }
    byte[] buffer = new byte[8192];
    try {
      InputStream in = source();
      while (in.read(buffer) != -1) {
        // dropped
      }
    } catch (IOException e) {
      // The client went away; the answer's write will say so.
    }
  }

  /** Reads the whole body, refusing more than {@code limit} bytes with 413. */
  public byte[] readBody(int limit) {
    if (bufferedBody != null) {
      return bufferedBody;
    }
    try (InputStream in = body()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
        if (out.size() > limit) {
          throw new ApiError(413, "RequestTooLarge", "request body exceeds " + limit + " bytes");
        }
      }
      bufferedBody = out.toByteArray();
      body = null;
      return bufferedBody;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a small JSON object body (empty bodies give an empty map). The body is kept, so it can be
   * read again.
   */
  public Map<String, Object> jsonBody() {
    byte[] bytes = readBody(1 << 20);
    if (bytes.length == 0) {
      return new LinkedHashMap<>();
    }
    return Json.readObject(bytes);
  }

  /** Returns the number of body bytes read so far. */
  public long bytesRead() {
    return body == null ? (bufferedBody == null ? 0 : bufferedBody.length) : body.count();
  }

  // ---- routing and auth state ----

  public String operation() {
    return operation;
  }

  void operation(String operation) {
    this.operation = operation;
    record.operation(operation);
  }

  public Map<String, String> pathParams() {
    return pathParams;
  }

  /** Returns a named path parameter from the route pattern, such as {@code id}. */
  public String pathParam(String name) {
    return pathParams.get(name);
  }

  void pathParams(Map<String, String> params) {
    this.pathParams = Map.copyOf(params);
  }

  /** Returns who signed the request, or null when it was anonymous. */
  public Principal principal() {
    return principal;
  }

  void principal(Principal principal) {
    this.principal = principal;
    record.principal(principal);
  }

  /**
   * Records who signed a request that its handler verified itself, such as a Manta pre-signed URL
   * (whose route lets the request through without an {@code Authorization} header), so that {@link
   * #principal()} and the request log name the signer instead of showing an anonymous request.
   */
  public void verifiedBy(Principal principal) {
    principal(principal);
  }

  /** Returns the checksum fault to apply to this request's answer (Manta and IMGAPI uploads). */
  public Fault.Checksum checksumFault() {
    return checksumFault;
  }

  void checksumFault(Fault.Checksum checksum) {
    this.checksumFault = checksum;
  }

  void resetAfterBodyBytes(long bytes) {
    this.bodyLimitBeforeReset = bytes;
  }

  void discardResponse() {
    this.discardResponse = true;
  }

  /** Makes the answer carry the fault's added headers and lose its removed ones. */
  void headerFault(Fault fault) {
    this.headerFault = fault;
  }

  void throttleResponse(long bytesPerSecond) {
    this.responseBytesPerSecond = bytesPerSecond;
  }

  void throttleRequest(long bytesPerSecond) {
    this.requestBytesPerSecond = bytesPerSecond;
    // With the socket's usual buffer (autotuned to megabytes on loopback) the client would park
    // much of its upload in the kernel and look fast; a small one makes its writes wait, as on a
    // slow link, and leaves little to drain once the client gives up. Set before the body is
    // read, so before a client that waits for 100 Continue has sent any of it.
    Object transport = request.getConnectionMetaData().getConnection().getEndPoint().getTransport();
    if (transport instanceof NetworkChannel channel) {
      int size = (int) Math.max(4096, Math.min(64 * 1024, bytesPerSecond / 10));
      try {
        channel.setOption(StandardSocketOptions.SO_RCVBUF, size);
      } catch (IOException | UnsupportedOperationException e) {
        // The throttle still holds; only the client's writes wait later.
      }
    }
  }

  boolean isResponseDiscarded() {
    return discardResponse;
  }

  // ---- response ----

  /** Sets a response header. */
  public Exchange responseHeader(String name, String value) {
    response.getHeaders().put(name, value);
    return this;
  }

  /** Answers with a JSON body. */
  public void sendJson(int status, Object body) {
    byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
    sendBytes(status, "application/json", bytes);
  }

  /** Answers with a status and no body. */
  public void sendEmpty(int status) {
    begin(status);
    response.getHeaders().put("Content-Length", "0");
    write(new byte[0]);
  }

  /** Answers with a byte body. */
  public void sendBytes(int status, String contentType, byte[] bytes) {
    begin(status);
    if (contentType != null) {
      response.getHeaders().put("Content-Type", contentType);
    }
    response.getHeaders().put("Content-Length", Long.toString(bytes.length));
    write(bytes);
  }

  /**
   * Starts a streamed answer and returns the stream to write the body to; closing it ends the
   * answer. {@code contentLength} of -1 streams chunked.
   */
  public OutputStream openBody(int status, String contentType, long contentLength) {
    begin(status);
    if (contentType != null) {
      response.getHeaders().put("Content-Type", contentType);
    }
    if (contentLength >= 0) {
      response.getHeaders().put("Content-Length", Long.toString(contentLength));
    }
    if (discardResponse) {
      return OutputStream.nullOutputStream();
    }
    return new CountingOutputStream(sink(), record);
  }

  /**
   * Answers with {@code chunk} written {@code times} over, streamed: a body of any size that the
   * server never holds whole.
   */
  void sendRepeated(int status, String contentType, byte[] chunk, long times) {
    try (OutputStream out = openBody(status, contentType, chunk.length * times)) {
      for (long i = 0; i < times; i++) {
        out.write(chunk);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the stream to the client, after the last edit of the answer's headers. */
  private OutputStream sink() {
    if (headerFault != null) {
      headerFault.addedHeaders().forEach((name, value) -> response.getHeaders().put(name, value));
      headerFault.removedHeaders().forEach(name -> response.getHeaders().remove(name));
    }
    OutputStream out = Content.Sink.asOutputStream(response);
    return responseBytesPerSecond > 0 ? Throttled.output(out, responseBytesPerSecond) : out;
  }

  /** Returns true once the handler has started its answer. */
  public boolean responded() {
    return responded;
  }

  private void begin(int status) {
    if (responded) {
      throw new IllegalStateException("already answered " + operation);
    }
    responded = true;
    record.status(status);
    response.setStatus(status);
  }

  private void write(byte[] bytes) {
    if (discardResponse) {
      return;
    }
    try (OutputStream out = sink()) {
      out.write(bytes);
      record.addResponseBytes(bytes.length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Closes the connection at once, without an answer. */
  public void abortConnection() {
    request.getConnectionMetaData().getConnection().getEndPoint().close();
  }

  // ---- parsing ----

  private static Map<String, List<String>> parseQuery(String raw) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return map;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      map.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return map;
  }

  private static List<String> splitPath(String path) {
    List<String> out = new ArrayList<>();
    if (path == null) {
      return out;
    }
    for (String part : path.split("/")) {
      if (!part.isEmpty()) {
        out.add(decodeSegment(part));
      }
    }
    return List.copyOf(out);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static String decodeSegment(String s) {
    // Path segments keep '+' literal; only %XX sequences are decoded.
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
