package org.tritondatacenter.origin.testkit.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** The JSON mapper the local Triton uses for bodies. */
public final class Json {
  /** Shared, thread-safe mapper; it leaves nulls out of the output. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setSerializationInclusion(JsonInclude.Include.NON_NULL)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private Json() {}

  /** Serialises a value to compact JSON. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Serialises a value to JSON indented by four spaces, as IMGAPI writes exported manifests. */
  public static String writePretty(Object value) {
    try {
      return MAPPER
          .writer(
              new com.fasterxml.jackson.core.util.DefaultPrettyPrinter()
                  .withObjectIndenter(
                      new com.fasterxml.jackson.core.util.DefaultIndenter("    ", "\n")))
          .writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a JSON object, or throws a 400 {@code InvalidContent} error naming the problem. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> readObject(byte[] body) {
    try {
      Object value = MAPPER.readValue(body, Object.class);
      if (!(value instanceof Map)) {
        throw ApiError.badRequest("InvalidContent", "body is not a JSON object");
      }
      return (Map<String, Object>) value;
    } catch (IOException e) {
      throw ApiError.badRequest("InvalidContent", "invalid JSON body: " + originalMessage(e));
    }
  }

  private static String originalMessage(IOException e) {
    return e.getMessage();
  }
}
