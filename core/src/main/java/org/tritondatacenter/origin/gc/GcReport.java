package org.tritondatacenter.origin.gc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code gc} found, deleted and kept, and why.
 *
 * @param deleteRequested true when deletion was asked for; false for a listing only
 * @param found every leftover found, old enough or not
 * @param deleted the leftovers removed
 * @param kept the leftovers not touched, each with the reason
 * @param failed the leftovers whose removal failed, each with the error
 */
public record GcReport(
    boolean deleteRequested,
    List<Leftover> found,
    List<Leftover> deleted,
    List<Kept> kept,
    List<Failed> failed) {

  /** Copies the lists. */
  public GcReport {
    found = List.copyOf(found);
    deleted = List.copyOf(deleted);
    kept = List.copyOf(kept);
    failed = List.copyOf(failed);
  }

  /**
   * A leftover left alone.
   *
   * @param leftover what it is
   * @param reason why it was kept, such as "younger than 6h"
   */
  public record Kept(Leftover leftover, String reason) {}

  /**
   * A leftover whose removal failed.
   *
   * @param leftover what it is
   * @param error the failure, naming the operation
   */
  public record Failed(Leftover leftover, String error) {}

  /** Returns the leftovers that are old enough to delete: found, minus those kept. */
  public List<Leftover> removable() {
    List<Leftover> keptOnes = kept.stream().map(Kept::leftover).toList();
    return found.stream().filter(l -> !keptOnes.contains(l)).toList();
  }

  /** Returns the report as plain values, for {@code gc --json}. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("delete", deleteRequested);
    m.put("found", maps(found));
    m.put("deleted", maps(deleted));
    List<Object> keptMaps = new ArrayList<>();
    for (Kept k : kept) {
      Map<String, Object> entry = k.leftover().toMap();
      entry.put("reason", k.reason());
      keptMaps.add(entry);
    }
    m.put("kept", keptMaps);
    List<Object> failedMaps = new ArrayList<>();
    for (Failed f : failed) {
      Map<String, Object> entry = f.leftover().toMap();
      entry.put("error", f.error());
      failedMaps.add(entry);
    }
    m.put("failed", failedMaps);
    return m;
  }

  private static List<Object> maps(List<Leftover> leftovers) {
    return new ArrayList<>(leftovers.stream().map(Leftover::toMap).toList());
  }
}
