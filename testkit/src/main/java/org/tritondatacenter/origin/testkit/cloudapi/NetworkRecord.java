package org.tritondatacenter.origin.testkit.cloudapi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CloudAPI network. The subnet is a /24 given by its first three octets; machines get addresses
 * from {@code .10} on, and the gateway is {@code .1}.
 */
record NetworkRecord(String id, String name, boolean isPublic, String prefix, String description) {

  String gateway() {
    return prefix + ".1";
  }

  String address(int index) {
    return prefix + "." + (10 + index % 240);
  }

  /** Returns the network as ListNetworks and GetNetwork show it (a non-fabric network). */
  Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("name", name);
    m.put("public", isPublic);
    m.put("fabric", false);
    m.put("description", description);
    return m;
  }
}
