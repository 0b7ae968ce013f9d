package org.tritondatacenter.origin.testkit.cloudapi;

import java.util.LinkedHashMap;
import java.util.Map;

/** A CloudAPI package (instance size); sizes in MiB. */
record PackageRecord(
    String id,
    String name,
    long memory,
    long disk,
    long swap,
    int lwps,
    int vcpus,
    String version,
    String group,
    String description) {

  /** Returns the package as ListPackages and GetPackage show it. */
  Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("name", name);
    m.put("memory", memory);
    m.put("disk", disk);
    m.put("swap", swap);
    m.put("lwps", lwps);
    m.put("vcpus", vcpus);
    m.put("version", version);
    m.put("group", group);
    m.put("description", description);
    m.put("default", false);
    m.put("flexible_disk", false);
    return m;
  }
}
