package org.tritondatacenter.origin.cloudapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A CloudAPI machine (instance), as GetMachine, ListMachines and CreateMachine return it.
 *
 * <p>Absent collections are empty, absent scalars null: a machine just created has no IPs yet, and
 * a deleted one may carry little more than its id and state.
 *
 * @param id the machine UUID
 * @param name the machine alias
 * @param brand the zone brand, such as {@code joyent}, {@code lx} or {@code bhyve}
 * @param state the machine state; never null
 * @param image the UUID of the image it was provisioned from
 * @param packageName the package it runs with ({@code package} on the wire)
 * @param memory memory in MiB
 * @param disk disk in MiB
 * @param metadata customer metadata, such as {@code user-script}
 * @param tags tags; values are strings, numbers or booleans
 * @param created when it was created
 * @param updated when it last changed
 * @param primaryIp the primary IP address, or null before one is assigned
 * @param ips every IP address (deprecated by CloudAPI in favour of {@code nics})
 * @param networks the network ids (deprecated by CloudAPI in favour of {@code nics})
 * @param nics the network interfaces
 * @param computeNode the UUID of the compute node it runs on ({@code compute_node})
 * @param firewallEnabled whether the cloud firewall applies ({@code firewall_enabled})
 * @param deletionProtection whether DeleteMachine is refused ({@code deletion_protection})
 * @param docker whether it is a Docker container
 * @param dnsNames the CNS names ({@code dns_names})
 * @param type the deprecated type, such as {@code smartmachine}
 */
public record Machine(
    String id,
    String name,
    String brand,
    MachineState state,
    String image,
    @JsonProperty("package") String packageName,
    Long memory,
    Long disk,
    Map<String, String> metadata,
    Map<String, Object> tags,
    Instant created,
    Instant updated,
    String primaryIp,
    List<String> ips,
    List<String> networks,
    List<Nic> nics,
    @JsonProperty("compute_node") String computeNode,
    @JsonProperty("firewall_enabled") Boolean firewallEnabled,
    @JsonProperty("deletion_protection") Boolean deletionProtection,
    Boolean docker,
    @JsonProperty("dns_names") List<String> dnsNames,
    String type) {

  /** Normalises absent collections to empty ones and an absent state to {@code UNKNOWN}. */
  public Machine {
    state = state == null ? MachineState.UNKNOWN : state;
    metadata = Copies.map(metadata);
    tags = Copies.map(tags);
    ips = Copies.list(ips);
    networks = Copies.list(networks);
    nics = Copies.list(nics);
    dnsNames = Copies.list(dnsNames);
  }

  /**
   * Returns a machine CloudAPI no longer knows (GetMachine answered 404 or an empty 410): only the
   * id, in state {@code deleted}.
   */
  static Machine gone(String id) {
    return new Machine(
        Objects.requireNonNull(id, "id == null"),
        null,
        null,
        MachineState.DELETED,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** Returns a copy in {@code state}. */
  Machine withState(MachineState newState) {
    return new Machine(
        id,
        name,
        brand,
        newState,
        image,
        packageName,
        memory,
        disk,
        metadata,
        tags,
        created,
        updated,
        primaryIp,
        ips,
        networks,
        nics,
        computeNode,
        firewallEnabled,
        deletionProtection,
        docker,
        dnsNames,
        type);
  }

  /** Returns a short description for messages, such as {@code machine 1a2b... (build-1)}. */
  String describe() {
    return "machine " + id + (name == null ? "" : " (" + name + ")");
  }
}
