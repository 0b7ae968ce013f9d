package org.tritondatacenter.origin.testkit.cloudapi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tritondatacenter.origin.testkit.SimulatedTimings;
import org.tritondatacenter.origin.testkit.cloudapi.guest.GuestRun;

/**
 * One machine and its life: provisioning → running (or failed, when its guest crashes), stopping →
 * stopped, and deleted. Transitions are not scheduled; the state is computed from the simulation
 * clock whenever it is asked for, and the guest's script is advanced to that moment first.
 * Thread-safe.
 */
final class SimMachine {
  /** The tag a build puts on every machine it creates, shown in the leak report. */
  static final String BUILD_TAG = "triton-origin.build";

  record Nic(String ip, String mac, boolean primary, NetworkRecord network) {}

  private final String id;
  private final String name;
  private final String imageId;
  private final PackageRecord pkg;
  private final List<Nic> nics;
  private final String computeNode;
  private final Instant created;
  private final Instant runningAt;
  private final SimulatedTimings timings;
  private final Map<String, String> metadata;
  private final Map<String, Object> tags;
  private final GuestRun guest;
  private Instant updated;
  private Instant stopRequestedAt;
  private Instant deleteRequestedAt;

  SimMachine(
      String id,
      String name,
      String imageId,
      PackageRecord pkg,
      List<Nic> nics,
      String computeNode,
      Instant created,
      SimulatedTimings timings,
      Map<String, String> metadata,
      Map<String, Object> tags,
      GuestRun guest) {
    this.id = id;
    this.name = name;
    this.imageId = imageId;
    this.pkg = pkg;
    this.nics = List.copyOf(nics);
    this.computeNode = computeNode;
    this.created = created;
    this.runningAt = created.plus(timings.provision());
    this.timings = timings;
    this.metadata = new LinkedHashMap<>(metadata);
    this.tags = new LinkedHashMap<>(tags);
    this.guest = guest;
    this.updated = created;
  }

  String id() {
    return id;
  }

  String name() {
    return name;
  }

  String imageId() {
    return imageId;
  }

  PackageRecord pkg() {
    return pkg;
  }

  Instant created() {
    return created;
  }

  /** Returns true when DeleteMachine was never called: the machine is a leak. */
  synchronized boolean undeleted() {
    return deleteRequestedAt == null;
  }

  synchronized String describe() {
    Object build = tags.get(BUILD_TAG);
    return id + " (name " + name + (build == null ? "" : ", " + BUILD_TAG + "=" + build) + ")";
  }

  synchronized String state(Instant now) {
    advanceGuest(now);
    if (deleteRequestedAt != null && !now.isBefore(deleteRequestedAt.plus(timings.delete()))) {
      return "deleted";
    }
    Instant crashed = guest.crashedAt();
    if (crashed != null && !now.isBefore(crashed)) {
      return "failed";
    }
    if (stopRequestedAt != null) {
      return now.isBefore(stopRequestedAt.plus(timings.stop())) ? "stopping" : "stopped";
    }
    return now.isBefore(runningAt) ? "provisioning" : "running";
  }

  /** Returns true while a destroy job is running (DeleteMachine called, not yet gone). */
  synchronized boolean deleting(Instant now) {
    return deleteRequestedAt != null && !state(now).equals("deleted");
  }

  synchronized void requestStop(Instant now) {
    if (stopRequestedAt == null) {
      advanceGuest(now);
      stopRequestedAt = now;
      updated = now;
    }
  }

  synchronized void requestDelete(Instant now) {
    if (deleteRequestedAt == null) {
      advanceGuest(now);
      deleteRequestedAt = now;
      updated = now;
    }
  }

  synchronized Map<String, String> metadata(Instant now) {
    advanceGuest(now);
    return new LinkedHashMap<>(metadata);
  }

  synchronized void putMetadata(Map<String, String> values, Instant now) {
    advanceGuest(now);
    metadata.putAll(values);
    updated = now;
  }

  synchronized boolean deleteMetadata(String key, Instant now) {
    advanceGuest(now);
    updated = now;
    if (key == null) {
      metadata.clear();
      return true;
    }
    return metadata.remove(key) != null;
  }

  synchronized Map<String, Object> tags() {
    return new LinkedHashMap<>(tags);
  }

  /** Runs the guest up to now, but never past the moment the machine was stopped or deleted. */
  private void advanceGuest(Instant now) {
    Instant horizon = now;
    if (stopRequestedAt != null && stopRequestedAt.isBefore(horizon)) {
      horizon = stopRequestedAt;
    }
    if (deleteRequestedAt != null && deleteRequestedAt.isBefore(horizon)) {
      horizon = deleteRequestedAt;
    }
    guest.advance(runningAt, horizon, this::guestPut);
  }

  private void guestPut(String key, String value, Instant at) {
    metadata.put(key, value);
    if (at.isAfter(updated)) {
      updated = at;
    }
  }

  private Instant lastChange(Instant now, String state) {
    Instant last = updated;
    Instant transition =
        switch (state) {
          case "running" -> runningAt;
          case "failed" -> guest.crashedAt();
          case "stopped" -> stopRequestedAt.plus(timings.stop());
          case "deleted" -> deleteRequestedAt.plus(timings.delete());
          default -> null;
        };
    if (transition != null && transition.isAfter(last) && !transition.isAfter(now)) {
      last = transition;
    }
    return last;
  }

  /** Returns the machine as GetMachine shows it (apis.md §2.5). */
  synchronized Map<String, Object> toJson(Instant now) {
    String state = state(now);
    boolean addressed = !state.equals("provisioning");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("name", name);
    m.put("type", "smartmachine");
    m.put("brand", "joyent-minimal");
    m.put("state", state);
    m.put("image", imageId);
    m.put("ips", addressed ? nics.stream().map(Nic::ip).toList() : List.of());
    m.put("memory", pkg.memory());
    m.put("disk", pkg.disk());
    m.put("metadata", new LinkedHashMap<>(metadata));
    m.put("tags", new LinkedHashMap<>(tags));
    m.put("created", Timestamps.format(created));
    m.put("updated", Timestamps.format(lastChange(now, state)));
    m.put("docker", false);
    List<Map<String, Object>> nicJson = new ArrayList<>();
    String primaryIp = null;
    for (Nic nic : addressed ? nics : List.<Nic>of()) {
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("ip", nic.ip());
      n.put("mac", nic.mac());
      n.put("primary", nic.primary());
      n.put("netmask", "255.255.255.0");
      n.put("gateway", nic.network().gateway());
      n.put("state", state.equals("running") ? "running" : "stopped");
      n.put("network", nic.network().id());
      nicJson.add(n);
      if (nic.primary()) {
        primaryIp = nic.ip();
      }
    }
    m.put("networks", nics.stream().map(n -> n.network().id()).toList());
    m.put("primaryIp", primaryIp);
    m.put("nics", nicJson);
    m.put("firewall_enabled", false);
    m.put("deletion_protection", false);
    m.put("compute_node", addressed ? computeNode : null);
    m.put("package", pkg.name());
    m.put("dns_names", List.of());
    m.put("flexible", false);
    return m;
  }
}
