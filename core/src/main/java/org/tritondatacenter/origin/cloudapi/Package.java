package org.tritondatacenter.origin.cloudapi;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A CloudAPI package: the size of a machine (ListPackages, GetPackage).
 *
 * @param id the package UUID
 * @param name the package name, such as {@code g4-highcpu-1G}
 * @param memory memory in MiB
 * @param disk disk in MiB
 * @param swap swap in MiB
 * @param lwps the lightweight-process limit
 * @param vcpus virtual CPUs (for hardware virtual machines)
 * @param version the package version
 * @param group the package group
 * @param description the description
 * @param flexibleDisk whether the disk can be split among several disks ({@code flexible_disk})
 * @param isDefault whether it is the datacenter's default ({@code default})
 */
public record Package(
    String id,
    String name,
    Long memory,
    Long disk,
    Long swap,
    Long lwps,
    Integer vcpus,
    String version,
    String group,
    String description,
    @JsonProperty("flexible_disk") Boolean flexibleDisk,
    @JsonProperty("default") Boolean isDefault) {}
