package org.tritondatacenter.origin.prune;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.manta.DirectoryEntry;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.manta.MantaInputStream;
import org.tritondatacenter.origin.manta.MantaPath;
import org.tritondatacenter.origin.prune.PruneReport.Action;
import org.tritondatacenter.origin.prune.PruneReport.Entry;

/** Prunes the build directories of one Manta project. */
final class BuildPruner {
  /** {@code <branch>-<timestamp>}, optionally with the commit as engbld stamps have it. */
  private static final Pattern BUILD = Pattern.compile("(.+)-([0-9]{8}T[0-9]{6}Z)(-g[0-9a-f]+)?");

  private static final String LATEST_SUFFIX = "-latest";
  private static final int MAX_POINTER = 4096;

  private final MantaClient manta;
  private final EventListener listener;

  BuildPruner(MantaClient manta, EventListener listener) {
    this.manta = manta;
    this.listener = listener;
  }

  List<Entry> prune(MantaPath project, int keep, boolean delete) {
    List<DirectoryEntry> entries;
    try {
      entries = manta.listDirectory(project).stream().toList();
    } catch (TritonApiException e) {
      if (e.isNotFound()) {
        throw new TritonException("the Manta project directory " + project + " does not exist", e);
      }
      throw e;
    }
    Set<String> pointed = new HashSet<>();
    for (DirectoryEntry entry : entries) {
      if (!entry.isDirectory() && entry.name().endsWith(LATEST_SUFFIX)) {
        pointed.add(pointee(project.resolve(entry.name())));
      }
    }
    Map<String, List<Entry>> byBranch = new LinkedHashMap<>();
    for (DirectoryEntry entry : entries) {
      Matcher m = BUILD.matcher(entry.name());
      if (entry.isDirectory() && m.matches()) {
        byBranch
            .computeIfAbsent(m.group(1), b -> new ArrayList<>())
            .add(
                new Entry(
                    project.resolve(entry.name()).toString(),
                    m.group(1),
                    m.group(2),
                    Action.KEEP,
                    null));
      }
    }
    List<Entry> report = new ArrayList<>();
    for (List<Entry> builds : byBranch.values()) {
      builds.sort(Comparator.comparing(Entry::time).reversed());
      for (int i = 0; i < builds.size(); i++) {
        Entry build = builds.get(i);
        if (i < keep) {
          report.add(build.with(Action.KEEP, "among the newest " + keep));
        } else if (pointed.contains(build.id())) {
          report.add(build.with(Action.KEEP, "named by a latest pointer"));
        } else {
          report.add(delete ? remove(build) : build.with(Action.REMOVE, null));
        }
      }
    }
    return report;
  }

  /** Returns the directory a latest pointer names, without a trailing slash. */
  private String pointee(MantaPath pointer) {
    try (MantaInputStream in = manta.getObject(pointer)) {
      String text = new String(in.readNBytes(MAX_POINTER), java.nio.charset.StandardCharsets.UTF_8);
      String path = text.trim();
      try {
        return manta.path(path).toString();
      } catch (IllegalArgumentException e) {
        // Not a path of this account: it names nothing that could be pruned here.
        return path;
      }
    } catch (java.io.IOException e) {
      throw new TritonException("cannot read " + pointer + ": " + e.getMessage(), e);
    }
  }

  private Entry remove(Entry build) {
    try {
      removeTree(manta.path(build.id()));
      listener.on(new Event.Cleanup("delete build directory", build.id(), true, null));
      return build.with(Action.REMOVED, null);
    } catch (OperationInterruptedException e) {
      throw e;
    } catch (RuntimeException e) {
      listener.on(
          new Event.Cleanup("delete build directory", build.id(), false, "mrm -r " + build.id()));
      return build.with(Action.FAILED, e.getMessage());
    }
  }

  /** Deletes a directory and everything in it: Manta deletes only empty directories. */
  private void removeTree(MantaPath dir) {
    for (DirectoryEntry entry : manta.listDirectory(dir).stream().toList()) {
      MantaPath path = dir.resolve(entry.name());
      if (entry.isDirectory()) {
        removeTree(path);
      } else {
        manta.deleteObjectIfExists(path);
      }
    }
    manta.deleteObjectIfExists(dir);
  }
}
