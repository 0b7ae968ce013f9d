package org.tritondatacenter.origin.testkit.cloudapi;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the simulated CloudAPI holds: images, machines, packages and networks, plus the knobs
 * tests turn (the compute node's platform, queued image-creation failures, whether ListServices
 * names Manta). Thread-safe; machines and images guard their own changing state.
 */
final class CloudState {
  private final Map<String, SimImage> images = new LinkedHashMap<>();
  private final Map<String, SimMachine> machines = new LinkedHashMap<>();
  private final Map<String, PackageRecord> packages = new LinkedHashMap<>();
  private final Map<String, NetworkRecord> networks = new LinkedHashMap<>();
  private final Deque<String[]> imageFailures = new ArrayDeque<>();
  private String platform = CloudApiSimulator.DEFAULT_PLATFORM;
  private boolean servicesManta = true;
  private int nextAddress;

  /** Returns a stable UUID for a name, so a restarted testkit shows the same ids. */
  static String uuidFor(String name) {
    return UUID.nameUUIDFromBytes(
            ("triton-origin-testkit " + name).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  synchronized void addImage(SimImage image) {
    images.put(image.id(), image);
  }

  synchronized SimImage image(String id) {
    return images.get(id);
  }

  synchronized List<SimImage> images() {
    return new ArrayList<>(images.values());
  }

  synchronized void removeImage(String id) {
    images.remove(id);
  }

  /** Returns the ids of the other images whose origin is {@code id}. */
  synchronized List<String> dependents(String id) {
    return images.values().stream().filter(i -> id.equals(i.origin())).map(SimImage::id).toList();
  }

  /**
   * Adds a machine unless a live machine already has its name; returns that machine, or null when
   * the new one was added. Checking and adding under one lock keeps concurrent creates honest.
   */
  synchronized SimMachine addMachineIfNameFree(SimMachine machine, Instant now) {
    SimMachine clash = liveMachineNamed(machine.name(), now);
    if (clash == null) {
      machines.put(machine.id(), machine);
    }
    return clash;
  }

  synchronized SimMachine machine(String id) {
    return machines.get(id);
  }

  synchronized List<SimMachine> machines() {
    return new ArrayList<>(machines.values());
  }

  /** Returns the live machine named {@code name}, or null; deleted machines free their names. */
  synchronized SimMachine liveMachineNamed(String name, Instant now) {
    for (SimMachine m : machines.values()) {
      if (m.name().equals(name) && !m.state(now).equals("deleted")) {
        return m;
      }
    }
    return null;
  }

  /** Returns an index for the next machine's addresses and MAC. */
  synchronized int nextAddress() {
    return nextAddress++;
  }

  synchronized void addPackage(PackageRecord pkg) {
    for (PackageRecord p : packages.values()) {
      if (p.name().equals(pkg.name())) {
        throw new IllegalArgumentException("a package named " + pkg.name() + " already exists");
      }
    }
    packages.put(pkg.id(), pkg);
  }

  synchronized List<PackageRecord> packages() {
    return new ArrayList<>(packages.values());
  }

  /** Finds a package by id or, as GetPackage also allows, by name. */
  synchronized PackageRecord pkg(String idOrName) {
    PackageRecord byId = packages.get(idOrName);
    if (byId != null) {
      return byId;
    }
    return packages.values().stream()
        .filter(p -> p.name().equals(idOrName))
        .findFirst()
        .orElse(null);
  }

  synchronized void addNetwork(NetworkRecord network) {
    networks.put(network.id(), network);
  }

  synchronized List<NetworkRecord> networks() {
    return new ArrayList<>(networks.values());
  }

  synchronized NetworkRecord network(String id) {
    return networks.get(id);
  }

  synchronized String platform() {
    return platform;
  }

  synchronized void platform(String stamp) {
    this.platform = stamp;
  }

  synchronized boolean servicesManta() {
    return servicesManta;
  }

  synchronized void servicesManta(boolean include) {
    this.servicesManta = include;
  }

  synchronized void queueImageFailure(String code, String message) {
    imageFailures.add(new String[] {code, message});
  }

  /** Returns the next queued image-creation failure ({code, message}), or null. */
  synchronized String[] takeImageFailure() {
    return imageFailures.poll();
  }
}
