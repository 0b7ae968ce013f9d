package org.tritondatacenter.origin.cloudapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.http.ApiResponse;
import org.tritondatacenter.origin.http.Json;

/**
 * Reads GetMachineMetadata's answer. CloudAPI sends the bare value; with {@code Accept:
 * application/json} restify encodes a string as a JSON string, with {@code text/plain} it sends it
 * raw. Both forms are read, so the value comes back the same either way.
 */
final class MetadataValues {
  /**
   * Far above any real metadata value (CloudAPI limits the whole metadata to a few hundred KiB).
   */
  private static final int MAX_VALUE = 16 << 20;

  private MetadataValues() {}

  static String read(ApiResponse response) {
    byte[] bytes;
    try {
      bytes = response.body().readNBytes(MAX_VALUE + 1);
    } catch (IOException e) {
      throw new TritonIoException("CloudAPI GetMachineMetadata: reading the value failed: " + e, e);
    }
    if (bytes.length > MAX_VALUE) {
      throw new TritonIoException(
          "CloudAPI GetMachineMetadata answered more than " + MAX_VALUE + " bytes; not a value");
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    String type = response.header("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).contains("json")) {
      return text;
    }
    try {
      JsonNode node = Json.mapper().readTree(text);
      if (node == null || node.isMissingNode()) {
        return text;
      }
      return node.isValueNode() ? node.asText() : node.toString();
    } catch (IOException e) {
      // Labelled JSON but not JSON: the raw text is the value.
      return text;
    }
  }
}
