package org.tritondatacenter.origin.cloudapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What CreateMachine should provision. Build it with {@link #builder(String, String)}.
 *
 * <p>On the wire, metadata and tags become flat top-level fields, {@code metadata.<key>} and {@code
 * tag.<key>}: CloudAPI silently ignores nested {@code metadata} or {@code tags} objects.
 *
 * @param image the image UUID
 * @param packageId the package UUID (resolve a name with {@code getPackage} first)
 * @param name the machine alias, or null for CloudAPI's default (the short id); {@code {{shortId}}}
 *     is replaced by the first 8 characters of the new UUID
 * @param networks network UUIDs; empty for the datacenter's default networks
 * @param metadata customer metadata, such as {@code user-script}; values are sent as they are
 * @param tags tags; values are strings, numbers or booleans
 * @param firewallEnabled whether the cloud firewall applies, or null for the default (off)
 * @param deletionProtection whether DeleteMachine is refused, or null for the default (off)
 * @param brand {@code bhyve} or {@code kvm} for a hardware virtual machine image that allows both,
 *     or null
 * @param affinity affinity rules such as {@code instance!=build-*}; empty for none
 */
public record CreateMachineRequest(
    String image,
    String packageId,
    String name,
    List<String> networks,
    Map<String, String> metadata,
    Map<String, Object> tags,
    Boolean firewallEnabled,
    Boolean deletionProtection,
    String brand,
    List<String> affinity) {

  /** Checks every field; messages name the field and the value. */
  public CreateMachineRequest {
    image = Checks.uuid("image id", image);
    packageId = Checks.uuid("package id (resolve a name with getPackage first)", packageId);
    name = Checks.optionalText("machine name", name);
    networks = Checks.each(networks, network -> Checks.uuid("network id", network));
    for (Map.Entry<String, String> e : Copies.map(metadata).entrySet()) {
      Checks.metadataKey(e.getKey());
      if (e.getValue() == null) {
        throw new IllegalArgumentException(
            "metadata " + Checks.quote(e.getKey()) + " has no value; give a string");
      }
    }
    metadata = Copies.map(metadata);
    tags = Checks.tags(tags);
    brand = Checks.optionalText("brand", brand);
    affinity = Checks.each(affinity, rule -> Checks.text("affinity rule", rule));
  }

  /** Starts a request for a machine from {@code imageId} with package {@code packageId}. */
  public static Builder builder(String imageId, String packageId) {
    return new Builder(imageId, packageId);
  }

  /** Returns the JSON body: documented fields first, then flat metadata and tag fields. */
  Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("image", image);
    body.put("package", packageId);
    putIfPresent(body, "name", name);
    if (!networks.isEmpty()) {
      body.put("networks", networks);
    }
    putIfPresent(body, "firewall_enabled", firewallEnabled);
    putIfPresent(body, "deletion_protection", deletionProtection);
    putIfPresent(body, "brand", brand);
    if (!affinity.isEmpty()) {
      body.put("affinity", affinity);
    }
    metadata.forEach((key, value) -> body.put("metadata." + key, value));
    tags.forEach((key, value) -> body.put("tag." + key, value));
    return body;
  }

  private static void putIfPresent(Map<String, Object> body, String key, Object value) {
    if (value != null) {
      body.put(key, value);
    }
  }

  /** Builds a {@link CreateMachineRequest}; the record's constructor checks the fields. */
  public static final class Builder {
    private final String image;
    private final String packageId;
    private String name;
    private final List<String> networks = new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final Map<String, Object> tags = new LinkedHashMap<>();
    private Boolean firewallEnabled;
    private Boolean deletionProtection;
    private String brand;
    private final List<String> affinity = new ArrayList<>();

    private Builder(String image, String packageId) {
      this.image = image;
      this.packageId = packageId;
    }

    /** Sets the machine alias. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Adds networks by UUID, in order. */
    public Builder networks(List<String> networkIds) {
      networks.addAll(networkIds);
      return this;
    }

    /** Sets one metadata entry, such as {@code user-script}. */
    public Builder metadata(String key, String value) {
      metadata.put(key, value);
      return this;
    }

    /** Sets several metadata entries. */
    public Builder metadata(Map<String, String> entries) {
      metadata.putAll(entries);
      return this;
    }

    /** Sets one tag; the value is a string, number or boolean. */
    public Builder tag(String key, Object value) {
      tags.put(key, value);
      return this;
    }

    /** Sets several tags. */
    public Builder tags(Map<String, ?> entries) {
      tags.putAll(entries);
      return this;
    }

    /** Turns the cloud firewall on or off. */
    public Builder firewallEnabled(boolean enabled) {
      this.firewallEnabled = enabled;
      return this;
    }

    /** Turns deletion protection on or off. */
    public Builder deletionProtection(boolean enabled) {
      this.deletionProtection = enabled;
      return this;
    }

    /** Chooses {@code bhyve} or {@code kvm}. */
    public Builder brand(String brand) {
      this.brand = brand;
      return this;
    }

    /** Adds an affinity rule. */
    public Builder affinity(String rule) {
      affinity.add(rule);
      return this;
    }

    /** Builds the request, checking every field. */
    public CreateMachineRequest build() {
      return new CreateMachineRequest(
          image,
          packageId,
          name,
          networks,
          metadata,
          tags,
          firewallEnabled,
          deletionProtection,
          brand,
          affinity);
    }
  }
}
