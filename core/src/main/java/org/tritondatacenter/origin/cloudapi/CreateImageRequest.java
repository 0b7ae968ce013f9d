package org.tritondatacenter.origin.cloudapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What CreateImageFromMachine should make. Build it with {@link #builder(String, String, String)}.
 *
 * <p>CloudAPI always makes an incremental image whose {@code origin} is the machine's own image,
 * and wants the machine prepared and stopped first.
 *
 * @param machine the UUID of the prepared, stopped machine
 * @param name the image name
 * @param version the image version
 * @param description the description, or null
 * @param homepage the homepage URL, or null
 * @param eula the EULA URL, or null
 * @param acl account UUIDs that may use the private image; empty for none
 * @param tags tags; values are strings, numbers or booleans
 */
public record CreateImageRequest(
    String machine,
    String name,
    String version,
    String description,
    String homepage,
    String eula,
    List<String> acl,
    Map<String, Object> tags) {

  /** Checks every field; messages name the field and the value. */
  public CreateImageRequest {
    machine = Checks.uuid("machine id", machine);
    name = Checks.text("image name", name);
    version = Checks.text("image version", version);
    description = Checks.optionalText("image description", description);
    homepage = Checks.optionalText("image homepage", homepage);
    eula = Checks.optionalText("image eula", eula);
    acl = Checks.each(acl, account -> Checks.uuid("acl account id", account));
    tags = Checks.tags(tags);
  }

  /** Starts a request for image {@code name} {@code version} from machine {@code machineId}. */
  public static Builder builder(String machineId, String name, String version) {
    return new Builder(machineId, name, version);
  }

  /**
   * Returns the JSON body. Unlike CreateMachine, tags are one nested object here; there is no
   * {@code action} field, which would route the call to ImportImageFromDatacenter instead.
   */
  Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("machine", machine);
    body.put("name", name);
    body.put("version", version);
    putIfPresent(body, "description", description);
    putIfPresent(body, "homepage", homepage);
    putIfPresent(body, "eula", eula);
    if (!acl.isEmpty()) {
      body.put("acl", acl);
    }
    if (!tags.isEmpty()) {
      body.put("tags", tags);
    }
    return body;
  }

  private static void putIfPresent(Map<String, Object> body, String key, Object value) {
    if (value != null) {
      body.put(key, value);
    }
  }

  /** Builds a {@link CreateImageRequest}; the record's constructor checks the fields. */
  public static final class Builder {
    private final String machine;
    private final String name;
    private final String version;
    private String description;
    private String homepage;
    private String eula;
    private final List<String> acl = new ArrayList<>();
    private final Map<String, Object> tags = new LinkedHashMap<>();

    private Builder(String machine, String name, String version) {
      this.machine = machine;
      this.name = name;
      this.version = version;
    }

    /** Sets the description. */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /** Sets the homepage URL. */
    public Builder homepage(String homepage) {
      this.homepage = homepage;
      return this;
    }

    /** Sets the EULA URL. */
    public Builder eula(String eula) {
      this.eula = eula;
      return this;
    }

    /** Adds accounts, by UUID, that may use the image. */
    public Builder acl(List<String> accountIds) {
      acl.addAll(accountIds);
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

    /** Builds the request, checking every field. */
    public CreateImageRequest build() {
      return new CreateImageRequest(machine, name, version, description, homepage, eula, acl, tags);
    }
  }
}
