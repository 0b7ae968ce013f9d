package org.tritondatacenter.origin.imgapi;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One channel of an IMGAPI server, as ListChannels returns it, such as {@code dev} or {@code
 * release}.
 *
 * @param name the name used in {@code ?channel=}
 * @param description what the channel is for, or null
 * @param isDefault true for the channel a request without {@code channel} goes to
 */
public record Channel(
    String name, String description, @JsonProperty("default") boolean isDefault) {}
