package org.tritondatacenter.origin.cloudapi;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code requirements} CloudAPI shows for an image. CloudAPI passes on only these; the full
 * IMGAPI set (such as {@code min_platform}) is in the manifest ExportImage writes.
 *
 * @param minMemory the least memory in MiB ({@code min_memory}), or null
 * @param maxMemory the most memory in MiB ({@code max_memory}), or null
 * @param minRam the least RAM in MiB ({@code min_ram}), or null
 * @param maxRam the most RAM in MiB ({@code max_ram}), or null
 * @param brand the brand the image needs, or null
 * @param bootrom the boot ROM a bhyve image needs, or null
 */
public record ImageRequirements(
    @JsonProperty("min_memory") Long minMemory,
    @JsonProperty("max_memory") Long maxMemory,
    @JsonProperty("min_ram") Long minRam,
    @JsonProperty("max_ram") Long maxRam,
    String brand,
    String bootrom) {}
