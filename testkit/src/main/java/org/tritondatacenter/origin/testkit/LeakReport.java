package org.tritondatacenter.origin.testkit;

import java.util.List;

/**
 * What a run left behind on the local Triton: machines not deleted, images never activated, and
 * Manta objects outside the expected paths. An empty report means nothing leaked.
 */
public record LeakReport(
    List<String> machines, List<String> unactivatedImages, List<String> strayObjects) {

  public LeakReport {
    machines = List.copyOf(machines);
    unactivatedImages = List.copyOf(unactivatedImages);
    strayObjects = List.copyOf(strayObjects);
  }

  /** Returns true when nothing leaked. */
  public boolean isEmpty() {
    return machines.isEmpty() && unactivatedImages.isEmpty() && strayObjects.isEmpty();
  }

  @Override
  public String toString() {
    if (isEmpty()) {
      return "no leaks";
    }
    StringBuilder sb = new StringBuilder("leaks:");
    machines.forEach(m -> sb.append("\n  machine not deleted: ").append(m));
    unactivatedImages.forEach(i -> sb.append("\n  image never activated: ").append(i));
    strayObjects.forEach(o -> sb.append("\n  object outside expected paths: ").append(o));
    return sb.toString();
  }
}
