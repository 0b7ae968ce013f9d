package org.tritondatacenter.origin.testkit.manta;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Manta's directory tree: directories and object entries by path. Every method is atomic (the tree
 * is locked as a whole), which makes the checks and the final commit of a PUT consistent without
 * holding a lock while bytes stream.
 */
final class Namespace {

  /** An entry of the tree. */
  sealed interface Node permits Dir, Obj {
    String path();

    Instant mtime();
  }

  /** A directory; its children are kept sorted by name, as Manta lists them. */
  static final class Dir implements Node {
    private final String path;
    private final Instant mtime;
    private final TreeMap<String, Node> children = new TreeMap<>();
    private Map<String, String> headers;

    Dir(String path, Instant mtime, Map<String, String> headers) {
      this.path = path;
      this.mtime = mtime;
      this.headers = Map.copyOf(headers);
    }

    @Override
    public String path() {
      return path;
    }

    @Override
    public Instant mtime() {
      return mtime;
    }
  }

  /** An object entry. */
  record Obj(String path, ObjectMeta meta) implements Node {
    @Override
    public Instant mtime() {
      return meta.mtime();
    }
  }

  private final Map<String, Node> nodes = new HashMap<>();

  /** Creates {@code /<login>}, {@code /<login>/stor} and {@code /<login>/public} if missing. */
  synchronized void ensureAccount(String login, Instant now) {
    MantaPath account = new MantaPath(List.of(login));
    if (nodes.containsKey(account.path())) {
      return;
    }
    Dir root = new Dir(account.path(), now, Map.of());
    nodes.put(root.path(), root);
    for (String area : List.of(MantaPath.PUBLIC, MantaPath.STOR)) {
      Dir dir = new Dir(account.child(area).path(), now, Map.of());
      nodes.put(dir.path(), dir);
      root.children.put(area, dir);
    }
  }

  synchronized Node get(MantaPath path) {
    return nodes.get(path.path());
  }

  /** Returns the directory's children in name order, or null when it is not a directory. */
  synchronized List<Node> children(MantaPath path) {
    return nodes.get(path.path()) instanceof Dir dir ? List.copyOf(dir.children.values()) : null;
  }

  /**
   * Creates a directory; an existing one only gets its headers updated. The parent must be a
   * directory. An object at the path is replaced, as muskie's mkdir overwrites the entry.
   */
  synchronized void mkdir(MantaPath path, Map<String, String> headers, Instant now) {
    Dir parent = parentDir(path);
    Node existing = nodes.get(path.path());
    if (existing instanceof Dir dir) {
      dir.headers = Map.copyOf(headers);
      return;
    }
    if (existing instanceof Obj obj) {
      obj.meta().blob().release();
    }
    Dir dir = new Dir(path.path(), now, headers);
    nodes.put(dir.path(), dir);
    parent.children.put(path.name(), dir);
  }

  /**
   * Checks that an object may be written at {@code path} and returns the object there now (null
   * when there is none), before any byte of the body is read.
   */
  synchronized ObjectMeta checkWritable(MantaPath path, String method) {
    Node existing = nodes.get(path.path());
    if (existing instanceof Dir) {
      throw MantaErrors.onDirectory(path, method);
    }
    parentDir(path);
    return existing instanceof Obj obj ? obj.meta() : null;
  }

  /**
   * Stores an object entry, replacing any object there. The checks are repeated because the tree
   * may have changed while the body streamed. On failure the caller still owns {@code meta}'s blob.
   */
  synchronized void putObject(MantaPath path, ObjectMeta meta, String method) {
    ObjectMeta old = checkWritable(path, method);
    Obj obj = new Obj(path.path(), meta);
    nodes.put(obj.path(), obj);
    parentDir(path).children.put(path.name(), obj);
    if (old != null) {
      old.blob().release();
    }
  }

  /** Returns an object's metadata with its blob retained for reading; release it when done. */
  synchronized ObjectMeta retain(MantaPath path) {
    if (nodes.get(path.path()) instanceof Obj obj) {
      obj.meta().blob().retain();
      return obj.meta();
    }
    return null;
  }

  /**
   * Replaces the metadata of the object now at {@code path} (PutMetadata); its blob is unchanged.
   *
   * @return false when no object is there
   */
  synchronized boolean updateMeta(MantaPath path, UnaryOperator<ObjectMeta> update) {
    if (!(nodes.get(path.path()) instanceof Obj obj)) {
      return false;
    }
    Obj updated = new Obj(path.path(), update.apply(obj.meta()));
    nodes.put(updated.path(), updated);
    parentDir(path).children.put(path.name(), updated);
    return true;
  }

  /** Updates the stored headers of a directory (PutMetadata on a directory). */
  synchronized void replaceDirHeaders(MantaPath path, Map<String, String> headers) {
    if (nodes.get(path.path()) instanceof Dir dir) {
      dir.headers = Map.copyOf(headers);
    }
  }

  /** Deletes an object or an empty directory. */
  synchronized void delete(MantaPath path) {
    Node node = nodes.get(path.path());
    if (node == null) {
      throw MantaErrors.resourceNotFound(path.path());
    }
    if (node instanceof Dir dir && !dir.children.isEmpty()) {
      throw MantaErrors.directoryNotEmpty(path);
    }
    nodes.remove(path.path());
    if (nodes.get(path.parent().path()) instanceof Dir parent) {
      parent.children.remove(path.name());
    }
    if (node instanceof Obj obj) {
      obj.meta().blob().release();
    }
  }

  /** Returns every object entry, sorted by path. */
  synchronized List<Obj> objects() {
    List<Obj> objects = new ArrayList<>();
    for (Node node : nodes.values()) {
      if (node instanceof Obj obj) {
        objects.add(obj);
      }
    }
    objects.sort((a, b) -> a.path().compareTo(b.path()));
    return objects;
  }

  /** Releases every blob (the simulator is closing). */
  synchronized void clear() {
    objects().forEach(obj -> obj.meta().blob().release());
    nodes.clear();
  }

  private Dir parentDir(MantaPath path) {
    Node parent = nodes.get(path.parent().path());
    if (parent == null) {
      throw MantaErrors.directoryDoesNotExist(path);
    }
    if (!(parent instanceof Dir dir)) {
      throw MantaErrors.parentNotDirectory(path);
    }
    return dir;
  }

  static Map<String, String> headersOf(Dir dir) {
    return dir.headers;
  }
}
