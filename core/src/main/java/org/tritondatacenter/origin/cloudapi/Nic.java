package org.tritondatacenter.origin.cloudapi;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One network interface of a machine, from its {@code nics} array.
 *
 * @param ip the IPv4 address
 * @param mac the MAC address
 * @param primary whether this NIC holds the machine's primary IP
 * @param netmask the netmask
 * @param gateway the gateway, or null
 * @param network the id of the network the NIC is on
 */
public record Nic(
    String ip,
    String mac,
    @JsonProperty("primary") Boolean primary,
    String netmask,
    String gateway,
    String network) {}
