package org.tritondatacenter.origin.cloudapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A network (or network pool) the account may provision on (ListNetworks, GetNetwork). The subnet
 * fields are filled for fabric networks only.
 *
 * @param id the network UUID
 * @param name the network name
 * @param isPublic whether it is a public network ({@code public})
 * @param fabric whether it is a fabric (account-private) network
 * @param description the description
 * @param subnet the subnet in CIDR form, or null
 * @param provisionStartIp the first provisionable address ({@code provision_start_ip}), or null
 * @param provisionEndIp the last provisionable address ({@code provision_end_ip}), or null
 * @param gateway the gateway, or null
 * @param resolvers the DNS resolvers
 * @param routes static routes, destination to gateway
 * @param internetNat whether a NAT zone gives it internet access ({@code internet_nat})
 * @param vlanId the fabric VLAN ({@code vlan_id}), or null
 */
public record Network(
    String id,
    String name,
    @JsonProperty("public") Boolean isPublic,
    Boolean fabric,
    String description,
    String subnet,
    @JsonProperty("provision_start_ip") String provisionStartIp,
    @JsonProperty("provision_end_ip") String provisionEndIp,
    String gateway,
    List<String> resolvers,
    Map<String, String> routes,
    @JsonProperty("internet_nat") Boolean internetNat,
    @JsonProperty("vlan_id") Integer vlanId) {

  /** Normalises absent collections to empty ones. */
  public Network {
    resolvers = Copies.list(resolvers);
    routes = Copies.map(routes);
  }
}
