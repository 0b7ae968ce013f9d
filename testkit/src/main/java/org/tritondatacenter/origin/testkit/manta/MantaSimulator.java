package org.tritondatacenter.origin.testkit.manta;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.tritondatacenter.origin.testkit.SimulatorContext;
import org.tritondatacenter.origin.testkit.http.ServiceHandler;

/**
 * The simulated Manta: the Directory API of apis.md §3 over objects kept on disk.
 *
 * <p>Paths are {@code /<login>/stor/...} and {@code /<login>/public/...}; the account's roots
 * always exist. Writes need a signature from the owning account (or one of its sub-users); reads
 * under {@code /public} and signed URLs may be anonymous. With snaplinks off (see {@code
 * LocalTritonOptions.snaplinks}) it acts as a mantav2 server: {@code Server: Manta/2}, no
 * snaplinks, and {@code RangeNotSatisfiable} for a bad range.
 *
 * <p>Operation names, for {@code Fault} rules and the request log: {@code PutDirectory}, {@code
 * PutObject}, {@code PutSnapLink}, {@code PutMetadata}, {@code GetObject}, {@code HeadObject},
 * {@code ListDirectory}, {@code HeadDirectory}, {@code DeleteObject} and {@code DeleteDirectory}.
 *
 * <p>For tests it offers a small inspection API ({@link #exists}, {@link #object}, {@link #read},
 * {@link #list}) and, for the leak report, {@link #strayObjects()} with the expected prefixes set
 * by {@link #expectPaths}.
 */
public final class MantaSimulator implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(MantaSimulator.class.getName());

  private final MantaService manta;
  private final ServiceHandler handler;
  private final MantaStore store;
  private ServiceHandler unauthenticated;
  private volatile List<String> expected;

  /** Creates the simulator; its objects go into a directory under {@code context.dataDir()}. */
  public MantaSimulator(SimulatorContext context) {
    this.manta = new MantaService(context);
    this.handler = MantaRoutes.signed(manta);
    this.store = new ServerStore(manta);
    String account = context.options().account();
    this.expected = List.of("/" + account + "/stor/", "/" + account + "/public/");
    if (context.options().benchMode()) {
      LOG.warning(
          "BENCH MODE: Manta answers Computed-MD5 with the client's Content-MD5 instead of"
              + " computing it; use only for benchmarks");
    }
  }

  /** Returns the signed endpoint. */
  public ServiceHandler handler() {
    return handler;
  }

  /**
   * Returns the benchmark-only endpoint that needs no signature (endpoint name {@code
   * LocalTriton.MANTA_UNAUTHENTICATED}); every request on it acts as the owner of its path.
   */
  public synchronized ServiceHandler unauthenticatedHandler() {
    if (unauthenticated == null) {
      unauthenticated = MantaRoutes.unauthenticated(manta);
    }
    return unauthenticated;
  }

  /** Returns server-side access to the storage. */
  public MantaStore store() {
    return store;
  }

  /**
   * Sets the path prefixes under which objects are expected, replacing the defaults {@code
   * /<account>/stor/} and {@code /<account>/public/}; objects elsewhere are leaks.
   *
   * <pre>{@code
   * triton.manta().expectPaths("/alice/stor/builds/");
   * }</pre>
   */
  public MantaSimulator expectPaths(String... prefixes) {
    for (String prefix : prefixes) {
      if (prefix == null || !prefix.startsWith("/")) {
        throw new IllegalArgumentException(
            "expected path prefix " + prefix + " must be absolute, such as /alice/stor/builds/");
      }
    }
    this.expected = List.of(prefixes);
    return this;
  }

  /**
   * Returns the objects stored outside the expected paths, and any temporary upload file left
   * behind (none should survive a request), for the leak report.
   */
  public List<String> strayObjects() {
    List<String> stray = new ArrayList<>();
    List<String> prefixes = expected;
    for (Namespace.Obj obj : manta.namespace.objects()) {
      if (prefixes.stream().noneMatch(obj.path()::startsWith)) {
        stray.add(obj.path());
      }
    }
    for (String temp : manta.blobs.temporaryFiles()) {
      stray.add("(temporary upload file " + temp + " left behind)");
    }
    return stray;
  }

  /**
   * Registers a synthetic object: its {@code size} bytes are generated from {@code seed} on each
   * read, so a GET of many GiB streams without being stored. Missing parent directories are
   * created. Its MD5 is computed on first use, then cached.
   */
  public MantaObject putSynthetic(String path, long size, long seed) {
    if (size < 0) {
      throw new IllegalArgumentException("synthetic object " + path + " needs a size >= 0");
    }
    MantaPath p = storagePath(path);
    manta.ensureAccount(p.login());
    for (int depth = 3; depth < p.segments().size(); depth++) {
      MantaPath dir = new MantaPath(p.segments().subList(0, depth));
      if (!(manta.namespace.get(dir) instanceof Namespace.Dir)) {
        manta.namespace.mkdir(dir, Map.of(), manta.now());
      }
    }
    ObjectMeta meta =
        new ObjectMeta(
            UUID.randomUUID().toString(),
            Blob.synthetic(size, seed),
            MantaHeaders.DEFAULT_OBJECT_TYPE,
            manta.now(),
            MantaService.DEFAULT_COPIES,
            Map.of());
    manta.namespace.putObject(p, meta, "PUT");
    return MantaObject.of(p.path(), meta);
  }

  /** Returns true when an object or directory exists at the decoded {@code path}. */
  public boolean exists(String path) {
    return store.exists(path);
  }

  /** Returns true when {@code path} is a directory. */
  public boolean isDirectory(String path) {
    return store.isDirectory(path);
  }

  /** Returns the object at {@code path}, or empty when there is none (or it is a directory). */
  public Optional<MantaObject> object(String path) {
    MantaPath p = MantaPath.parse(path);
    return manta.namespace.get(p) instanceof Namespace.Obj obj
        ? Optional.of(MantaObject.of(p.path(), obj.meta()))
        : Optional.empty();
  }

  /**
   * Opens the bytes of the object at {@code path}.
   *
   * @throws NoSuchFileException when no object is there
   * @throws IOException when the object was received in DISCARD mode
   */
  public InputStream read(String path) throws IOException {
    MantaPath p = MantaPath.parse(path);
    ObjectMeta meta = manta.namespace.retain(p);
    if (meta == null) {
      throw new NoSuchFileException(path, null, "no object at this Manta path");
    }
    try {
      if (!meta.blob().readable()) {
        throw new IOException(MantaErrors.discarded(p).getMessage());
      }
      return meta.blob().open(0, meta.size());
    } finally {
      // An open file stays readable after the blob's file is deleted (POSIX semantics).
      meta.blob().release();
    }
  }

  /** Returns the names in a directory, sorted; empty when {@code dir} is not a directory. */
  public List<String> list(String dir) {
    List<Namespace.Node> children = manta.namespace.children(MantaPath.parse(dir));
    if (children == null) {
      return List.of();
    }
    return children.stream().map(n -> n.path().substring(n.path().lastIndexOf('/') + 1)).toList();
  }

  /** Returns the path of every object, sorted. */
  public List<String> objectPaths() {
    return manta.namespace.objects().stream().map(Namespace.Obj::path).toList();
  }

  /** Returns the bytes that object files take on disk (synthetic and discarded objects none). */
  public long bytesOnDisk() {
    return manta.blobs.bytesOnDisk();
  }

  /** Deletes every object and the storage directory. */
  @Override
  public void close() {
    manta.namespace.clear();
    manta.blobs.close();
  }

  private static MantaPath storagePath(String path) {
    MantaPath p = MantaPath.parse(path);
    if (!p.inStorageArea() || p.isRoot()) {
      throw new IllegalArgumentException(
          "object path " + path + " must lie under /<login>/stor/ or /<login>/public/");
    }
    return p;
  }
}
