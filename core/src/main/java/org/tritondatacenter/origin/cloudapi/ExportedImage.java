package org.tritondatacenter.origin.cloudapi;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to ExportImage: where IMGAPI wrote the image file and its manifest.
 *
 * @param mantaUrl IMGAPI's configured Manta URL ({@code manta_url}); in a private deployment this
 *     may be an internal address, so prefer the Manta URL the caller configured
 * @param imagePath the Manta path of the image file ({@code image_path})
 * @param manifestPath the Manta path of the manifest ({@code manifest_path})
 */
public record ExportedImage(
    @JsonProperty("manta_url") String mantaUrl,
    @JsonProperty("image_path") String imagePath,
    @JsonProperty("manifest_path") String manifestPath) {}
