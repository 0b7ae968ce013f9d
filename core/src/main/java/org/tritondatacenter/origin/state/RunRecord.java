package org.tritondatacenter.origin.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.http.Json;

/**
 * The versioned JSON record of one run: {@code {"schema": 1, "build": {...}, "export": {...},
 * "publish": {...}, "channelAdd": {...}}}. Each operation owns one section and its shape; this
 * class only keeps the sections and the schema. Not thread-safe: {@link RecordKeeper} guards it.
 */
public final class RunRecord {
  /** The record format this version writes and reads. */
  public static final int SCHEMA = 1;

  private static final ObjectMapper MAPPER = Json.mapper();

  private final ObjectNode root;

  private RunRecord(ObjectNode root) {
    this.root = root;
  }

  /** Returns an empty record. */
  public static RunRecord empty() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    return new RunRecord(root);
  }

  /**
   * Parses a saved record.
   *
   * @param source where the text came from, for error messages (a file path or "Jenkins")
   * @throws TritonException when the text is not a record, or was written by a newer version
   */
  public static RunRecord parse(String json, String source) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new TritonException(
          "the run record in " + source + " is not valid JSON; move it aside to start afresh");
    }
    if (!(node instanceof ObjectNode object) || !node.path("schema").isInt()) {
      throw new TritonException(
          "the run record in " + source + " has no \"schema\"; it is not a triton-origin record");
    }
    int schema = node.get("schema").asInt();
    if (schema != SCHEMA) {
      throw new TritonException(
          "the run record in "
              + source
              + " has schema "
              + schema
              + " but this triton-origin reads schema "
              + SCHEMA
              + "; use the version that wrote it, or move it aside to start afresh");
    }
    return new RunRecord(object);
  }

  /** Returns a section decoded as {@code type}, or empty when the run has none yet. */
  public <T> Optional<T> section(String name, Class<T> type) {
    JsonNode node = root.get(name);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    try {
      return Optional.of(MAPPER.treeToValue(node, type));
    } catch (IOException e) {
      throw new TritonException(
          "the \"" + name + "\" section of the run record cannot be read: " + e.getMessage(), e);
    }
  }

  /** Replaces a section with the JSON form of {@code value}. */
  public void put(String name, Object value) {
    if ("schema".equals(name)) {
      throw new IllegalArgumentException("schema is not a section");
    }
    root.set(name, MAPPER.valueToTree(value));
  }

  /** Removes a section. */
  public void remove(String name) {
    root.remove(name);
  }

  /** Returns the record as JSON text, indented for people who read state files. */
  public String toJson() {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new TritonException("cannot write the run record: " + e.getMessage(), e);
    }
  }
}
