package org.tritondatacenter.origin.prune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What pruning decided for every build directory and image it looked at.
 *
 * @param builds the build directories, newest first per branch
 * @param images the images, newest first per name
 * @param deleted true when it was asked to delete, false for a listing
 */
public record PruneReport(List<Entry> builds, List<Entry> images, boolean deleted) {
  public PruneReport {
    builds = List.copyOf(builds);
    images = List.copyOf(images);
  }

  /** What became of one directory or image. */
  public enum Action {
    /** Kept: among the newest, or named by a latest pointer. */
    KEEP,
    /** Would be removed; a listing only. */
    REMOVE,
    /** Removed. */
    REMOVED,
    /** Removing it failed; {@code reason} says why. */
    FAILED;

    /** Returns the lower-case name used in maps, such as {@code removed}. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One directory or image.
   *
   * @param id the Manta path or the image UUID
   * @param group the branch or the image name
   * @param time the build timestamp or {@code published_at}
   * @param action what happened
   * @param reason why it is kept, or why removing it failed; may be null
   */
  public record Entry(String id, String group, String time, Action action, String reason) {
    public Entry {
      Objects.requireNonNull(id, "id == null");
      Objects.requireNonNull(action, "action == null");
    }

    Entry with(Action next, String why) {
      return new Entry(id, group, time, next, why);
    }

    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      m.put("group", group);
      m.put("time", time);
      m.put("action", action.wireName());
      if (reason != null) {
        m.put("reason", reason);
      }
      return m;
    }
  }

  /** Returns the report as plain values, for JSON output. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("builds", new ArrayList<>(builds.stream().map(Entry::toMap).toList()));
    m.put("images", new ArrayList<>(images.stream().map(Entry::toMap).toList()));
    m.put("deleted", deleted);
    return m;
  }

  /** Returns true when some removal failed. */
  public boolean hasFailures() {
    return builds.stream().anyMatch(e -> e.action() == Action.FAILED)
        || images.stream().anyMatch(e -> e.action() == Action.FAILED);
  }
}
