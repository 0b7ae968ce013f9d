package org.tritondatacenter.origin.manta;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.auth.HttpSigner;
import org.tritondatacenter.origin.http.ApiClient;
import org.tritondatacenter.origin.http.ApiRequest;
import org.tritondatacenter.origin.http.ApiResponse;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.http.Endpoint;
import org.tritondatacenter.origin.http.HttpConfig;

/**
 * A client for Manta's directory API: directories, objects, listings, snaplinks and pre-signed
 * URLs, for one account. Every path is a {@link MantaPath} of that account, checked before any
 * request; every call is signed afresh on every attempt and retried as the HTTP layer allows.
 *
 * <p>Bodies are streamed, never held whole in memory: uploads hash the source while sending it and
 * compare with Manta's {@code computed-md5}; downloads hash while reading, resume a dropped
 * connection, and compare with {@code content-md5}. Instances are thread-safe.
 */
public final class MantaClient {
  /** The largest page Manta serves for a listing. */
  public static final int MAX_PAGE_SIZE = 1024;

  private static final String DIRECTORY_TYPE = "application/json; type=directory";
  private static final String LINK_TYPE = "application/json; type=link";
  private static final Duration CONCURRENT_RETRY_DELAY = Duration.ofMillis(250);

  private final ApiClient api;
  private final String login;
  private final HttpSigner urlSigner;

  private MantaClient(ApiClient api, String login, HttpSigner urlSigner) {
    this.api = api;
    this.login = login;
    this.urlSigner = urlSigner;
  }

  /**
   * Creates a client for a signed Manta endpoint. It cannot sign URLs; see {@link #create(Endpoint,
   * HttpConfig, HttpSigner)}.
   *
   * @throws IllegalArgumentException when the endpoint is not a signed Manta endpoint
   */
  public static MantaClient create(Endpoint endpoint, HttpConfig config) {
    return create(endpoint, config, null);
  }

  /**
   * Creates a client that can also sign URLs with {@code urlSigner}, the same signer the endpoint
   * signs requests with.
   *
   * @throws IllegalArgumentException when the endpoint is not a signed Manta endpoint, or the
   *     signer's keyId is not of the endpoint's account
   */
  public static MantaClient create(Endpoint endpoint, HttpConfig config, HttpSigner urlSigner) {
    Objects.requireNonNull(endpoint, "endpoint == null");
    Objects.requireNonNull(config, "config == null");
    if (endpoint.service() != Service.MANTA) {
      throw new IllegalArgumentException(
          "MantaClient needs a Manta endpoint, not a " + endpoint.service() + " one: " + endpoint);
    }
    if (endpoint.isAnonymous()) {
      throw new IllegalArgumentException(
          "MantaClient needs a signed endpoint with the account login: " + endpoint);
    }
    if (urlSigner != null && !urlSigner.keyId().startsWith("/" + endpoint.login() + "/")) {
      throw new IllegalArgumentException(
          "The URL signer's keyId "
              + urlSigner.keyId()
              + " is not of the Manta account '"
              + endpoint.login()
              + "'; give the signer made for this endpoint.");
    }
    return new MantaClient(ApiClient.create(endpoint, config), endpoint.login(), urlSigner);
  }

  /** Returns the account whose paths this client reads and writes. */
  public String login() {
    return login;
  }

  /**
   * Parses {@code path} as a path of this client's account, such as {@code /alice/stor/builds} or
   * {@code ~~/stor/builds}; see {@link MantaPath#of}.
   */
  public MantaPath path(String path) {
    return MantaPath.of(login, path);
  }

  /**
   * Creates the directory {@code dir}; its parent must exist. An existing directory is left as it
   * is. Calls Manta PutDirectory.
   *
   * @throws IllegalArgumentException for a top-level directory, which always exists
   * @throws TritonApiException {@code DirectoryDoesNotExist} when the parent is missing, {@code
   *     ParentNotDirectory} when it is an object
   */
  public void putDirectory(MantaPath dir) {
    check(dir);
    if (dir.isTop()) {
      throw new IllegalArgumentException(
          dir + " is a top-level directory; it always exists and cannot be created.");
    }
    try {
      api.send(
          ApiRequest.put("PutDirectory")
              .path(dir.requestSegments())
              .header("Content-Type", DIRECTORY_TYPE)
              .build());
    } catch (TritonApiException e) {
      throw MantaErrors.forWrite(e, dir);
    }
  }

  /**
   * Creates {@code dir} and every missing directory above it, one PutDirectory per level from the
   * top down, because Manta has no recursive create. On {@code ConcurrentRequest} the whole chain
   * is sent once more after 250 ms. A top-level directory needs nothing. Calls Manta PutDirectory.
   */
  public void mkdirp(MantaPath dir) {
    check(dir);
    try {
      createChain(dir);
    } catch (TritonApiException e) {
      if (!e.hasCode("ConcurrentRequest")) {
        throw e;
      }
      sleep(CONCURRENT_RETRY_DELAY, "mkdirp " + dir);
      createChain(dir);
    }
  }

  private void createChain(MantaPath dir) {
    List<String> segments = dir.segments();
    MantaPath level = MantaPath.of(login, "/" + login + "/" + segments.get(0));
    for (int i = 1; i < segments.size(); i++) {
      level = level.resolve(segments.get(i));
      putDirectory(level);
    }
  }

  /** Stores {@code source} at {@code path} with the default options. Calls Manta PutObject. */
  public PutObjectResult putObject(MantaPath path, ByteSource source) {
    return putObject(path, source, PutOptions.defaults());
  }

  /**
   * Stores {@code source} at {@code path}, replacing any object there, and verifies it. The source
   * is streamed, with {@code Content-Length} when its size is known and chunked otherwise; a retry
   * reopens it. Calls Manta PutObject.
   *
   * @throws TritonIoException when Manta's {@code computed-md5} is missing or differs from the MD5
   *     of the bytes sent (the message names both), or the source cannot be read
   * @throws TritonApiException for an answer such as {@code DirectoryDoesNotExist} (unless {@code
   *     options.mkdirs()}), {@code ContentMD5Mismatch} or {@code MaxContentLengthExceeded}
   */
  public PutObjectResult putObject(MantaPath path, ByteSource source, PutOptions options) {
    check(path);
    Objects.requireNonNull(source, "source == null");
    Objects.requireNonNull(options, "options == null");
    if (path.isTop()) {
      throw new IllegalArgumentException(
          path + " is a top-level directory; give an object path below it.");
    }
    return ObjectUpload.put(this, api, path, source, options);
  }

  /**
   * Opens the object at {@code path} for reading; the caller closes the stream. It verifies the
   * length and {@code content-md5} at the end and resumes a dropped connection. Calls Manta
   * GetObject.
   *
   * @throws TritonApiException {@code ResourceNotFound} when there is no such object
   * @throws IllegalArgumentException when {@code path} is a directory
   */
  public MantaInputStream getObject(MantaPath path) {
    check(path);
    return MantaInputStream.open(api, path);
  }

  /**
   * Streams the object at {@code path} into {@code out} (left open) and returns what Manta said
   * about it, once its length and MD5 are verified. Calls Manta GetObject.
   */
  public MantaObject getObject(MantaPath path, OutputStream out) {
    Objects.requireNonNull(out, "out == null");
    try (MantaInputStream in = getObject(path)) {
      in.transferTo(out);
      return in.info();
    } catch (IOException e) {
      throw new TritonIoException("Writing " + path + " to its destination failed: " + e, e);
    }
  }

  /**
   * Downloads the object at {@code path} into {@code file}. The bytes go to a temporary file beside
   * it, moved into place only once verified, so {@code file} never holds a partial or corrupt copy.
   * Calls Manta GetObject.
   */
  public MantaObject getObject(MantaPath path, Path file) {
    Objects.requireNonNull(file, "file == null");
    Path target = file.toAbsolutePath();
    Path temp;
    try {
      temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
    } catch (IOException e) {
      throw new TritonIoException("Cannot create a file beside " + target + ": " + e, e);
    }
    try {
      MantaObject info;
      try (OutputStream out = Files.newOutputStream(temp)) {
        info = getObject(path, out);
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return info;
    } catch (IOException e) {
      throw new TritonIoException("Cannot write " + target + ": " + e, e);
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // Best effort: the partial file is hidden and named .part.
      }
    }
  }

  /**
   * Returns what Manta reports about the object or directory at {@code path}: type, size, MD5,
   * etag, content type and {@code m-*} metadata. Calls Manta HeadObject.
   *
   * @throws TritonApiException with {@code isNotFound()} when nothing is there
   */
  public MantaObject head(MantaPath path) {
    check(path);
    ApiRequest request =
        ApiRequest.head("HeadObject").path(path.requestSegments()).header("Accept", "*/*").build();
    try (ApiResponse response = api.open(request)) {
      return MantaHeaders.objectOf(path, response);
    } catch (TritonApiException e) {
      throw MantaErrors.forRead(e, path);
    }
  }

  /**
   * Deletes the object or empty directory at {@code path}. Calls Manta DeleteObject.
   *
   * @throws TritonApiException {@code ResourceNotFound} when nothing is there (see {@link
   *     #deleteObjectIfExists}), {@code DirectoryNotEmpty} for a directory with entries
   */
  public void deleteObject(MantaPath path) {
    check(path);
    if (path.isTop()) {
      throw new IllegalArgumentException(path + " is a top-level directory; it cannot be deleted.");
    }
    try {
      api.send(ApiRequest.delete("DeleteObject").path(path.requestSegments()).build());
    } catch (TritonApiException e) {
      throw MantaErrors.forRead(e, path);
    }
  }

  /**
   * Deletes the object or empty directory at {@code path} if it is there, for cleanup, where an
   * absent object is the goal. Calls Manta DeleteObject.
   *
   * @return true when something was deleted, false when nothing was there
   */
  public boolean deleteObjectIfExists(MantaPath path) {
    try {
      deleteObject(path);
      return true;
    } catch (TritonApiException e) {
      if (e.isNotFound()) {
        return false;
      }
      throw e;
    }
  }

  /** Lists {@code dir} in pages of {@value #MAX_PAGE_SIZE}. Calls Manta ListDirectory. */
  public DirectoryListing listDirectory(MantaPath dir) {
    return listDirectory(dir, MAX_PAGE_SIZE);
  }

  /**
   * Lists {@code dir}, fetching {@code pageSize} entries per call as the iteration goes. The first
   * page is fetched now. Calls Manta ListDirectory.
   *
   * @param pageSize entries per call, 2 to {@value #MAX_PAGE_SIZE}
   * @throws TritonApiException {@code ResourceNotFound} when the directory is missing
   * @throws IllegalArgumentException when {@code dir} is an object
   */
  public DirectoryListing listDirectory(MantaPath dir, int pageSize) {
    check(dir);
    if (pageSize < 2 || pageSize > MAX_PAGE_SIZE) {
      // With an inclusive marker a page of one would only ever repeat the marker.
      throw new IllegalArgumentException(
          "The page size " + pageSize + " is out of range; give 2 to " + MAX_PAGE_SIZE + ".");
    }
    return DirectoryListing.open(api, dir, pageSize);
  }

  /**
   * Makes {@code link} a snaplink to the object {@code source}: a second name for the same stored
   * bytes. Calls Manta PutSnapLink.
   *
   * @return the etag of the link, or null when Manta sent none
   * @throws SnapLinksUnavailableException when snaplinks are disabled for the account or the server
   *     is a mantav2, so the caller can fall back
   * @throws TritonApiException {@code SourceObjectNotFound} when {@code source} is missing
   */
  public String putSnapLink(MantaPath link, MantaPath source) {
    check(link);
    check(source);
    return SnapLinks.put(api, link, source);
  }

  /**
   * Returns a URL that lets anyone {@code GET} the object at {@code path} for {@code validFor},
   * counted from now on the server's clock as far as this client has learned it.
   */
  public SignedUrl signUrl(MantaPath path, Duration validFor) {
    Objects.requireNonNull(validFor, "validFor == null");
    if (validFor.isNegative() || validFor.isZero()) {
      throw new IllegalArgumentException(
          "The signed URL of " + path + " must be valid for a positive time, not " + validFor);
    }
    return signUrl(path, serverNow().plus(validFor), Set.of("GET"));
  }

  /**
   * Returns a pre-signed URL for {@code path} that allows {@code methods} until {@code expires},
   * such as the URL IMGAPI's AddImageFileFromUrl fetches. No request is sent.
   *
   * @throws IllegalStateException when this client was created without a URL signer
   * @throws IllegalArgumentException when {@code expires} is not in the future or a method is not a
   *     word
   */
  public SignedUrl signUrl(MantaPath path, Instant expires, Set<String> methods) {
    check(path);
    Objects.requireNonNull(expires, "expires == null");
    Objects.requireNonNull(methods, "methods == null");
    if (urlSigner == null) {
      throw new IllegalStateException(
          "This MantaClient cannot sign URLs: create it with MantaClient.create(endpoint, config,"
              + " signer).");
    }
    if (!expires.isAfter(serverNow())) {
      throw new IllegalArgumentException(
          "The signed URL of " + path + " would expire at " + expires + ", which is not ahead.");
    }
    return UrlSigning.sign(urlSigner, api.endpoint().baseUrl(), path, expires, methods);
  }

  private Instant serverNow() {
    return api.config().wallClock().now().plus(api.clockOffset());
  }

  private void check(MantaPath path) {
    Objects.requireNonNull(path, "path == null");
    if (!path.login().equals(login)) {
      throw new IllegalArgumentException(
          "The Manta path "
              + path
              + " belongs to account '"
              + path.login()
              + "', not to '"
              + login
              + "' that this client signs as.");
    }
  }

  private void sleep(Duration delay, String what) {
    try {
      api.config().sleeper().sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OperationInterruptedException("Manta " + what + " was interrupted", e);
    }
  }

  @Override
  public String toString() {
    return "MantaClient[" + api.endpoint() + "]";
  }
}
