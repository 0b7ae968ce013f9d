package org.tritondatacenter.origin.images;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON text into a {@link JsonTree} with Jackson's streaming parser. Duplicated keys are
 * reported, not silently merged, and a syntax error is reported with its line and column.
 */
final class JsonTreeParser {
  /** images.json is at most three levels deep; anything much deeper is a mistake, not data. */
  private static final int MAX_DEPTH = 16;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxStringLength(ImagesJsonReader.MAX_FILE_CHARS)
                  .maxNumberLength(64)
                  .maxNestingDepth(MAX_DEPTH)
                  .build())
          .build();

  private record Open(String kind, Location at) {}

  private final Problems problems;
  private final Deque<Open> open = new ArrayDeque<>();

  private JsonTreeParser(Problems problems) {
    this.problems = problems;
  }

  /** Returns the tree, or null after recording a syntax error in {@code problems}. */
  static JsonTree parse(String text, Problems problems) {
    return new JsonTreeParser(problems).run(text);
  }

  private JsonTree run(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() == null) {
        problems.add("$", new Location(1, 1), "the file is empty; expected a JSON array of images");
        return null;
      }
      JsonTree root = value(p, "$");
      if (p.nextToken() != null) {
        problems.add(
            "$",
            at(p.currentTokenLocation()),
            "unexpected content after the top-level value; expected the file to end there");
      }
      return root;
    } catch (StreamConstraintsException e) {
      // Jackson enforces the depth limit itself but reports no usable position; the innermost
      // container still open is the one whose child went too deep.
      problems.add(
          "$",
          open.isEmpty() ? Location.NONE : open.peek().at(),
          "nested more than "
              + MAX_DEPTH
              + " levels deep; images.json is an array of flat objects");
      return null;
    } catch (JsonProcessingException e) {
      // Jackson reports a cut-off file in several ways, not always as JsonEOFException.
      if (e instanceof JsonEOFException
          || String.valueOf(e.getOriginalMessage()).contains("end-of-input")) {
        problems.add(
            "$", at(e.getLocation()), "unexpected end of file (truncated?): " + unclosed());
      } else {
        problems.add("$", at(e.getLocation()), "invalid JSON: " + describe(e));
      }
      return null;
    } catch (IOException e) {
      // Reading from a String does no I/O; this only satisfies the parser's signature.
      throw new UncheckedIOException(e);
    }
  }

  private JsonTree value(JsonParser p, String path) throws IOException {
    Location at = at(p.currentTokenLocation());
    JsonToken token = p.currentToken();
    return switch (token) {
      case START_OBJECT -> object(p, path, at);
      case START_ARRAY -> array(p, path, at);
      case VALUE_STRING -> new JsonTree.Str(at, p.getText());
      case VALUE_NUMBER_INT -> new JsonTree.Num(at, p.getNumberValue(), true, p.getText());
      case VALUE_NUMBER_FLOAT -> new JsonTree.Num(at, p.getDecimalValue(), false, p.getText());
      case VALUE_TRUE -> new JsonTree.Bool(at, true);
      case VALUE_FALSE -> new JsonTree.Bool(at, false);
      case VALUE_NULL -> new JsonTree.Null(at);
      default -> throw new IllegalStateException("unexpected token " + token);
    };
  }

  private JsonTree object(JsonParser p, String path, Location at) throws IOException {
    open.push(new Open("object", at));
    List<JsonTree.Member> members = new ArrayList<>();
    Map<String, Location> seen = new HashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      Location keyAt = at(p.currentTokenLocation());
      String keyPath = Problems.key(path, key);
      p.nextToken();
      JsonTree value = value(p, keyPath);
      Location first = seen.putIfAbsent(key, keyAt);
      if (first != null) {
        problems.add(
            keyPath,
            keyAt,
            "duplicated key "
                + Problems.quote(key)
                + " (first at line "
                + first.line()
                + ", column "
                + first.column()
                + "); each key may appear once per object");
      } else {
        members.add(new JsonTree.Member(key, keyAt, value));
      }
    }
    open.pop();
    return new JsonTree.Obj(at, members);
  }

  private JsonTree array(JsonParser p, String path, Location at) throws IOException {
    open.push(new Open("array", at));
    List<JsonTree> items = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      items.add(value(p, Problems.index(path, items.size())));
    }
    open.pop();
    return new JsonTree.Arr(at, items);
  }

  private static Location at(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return Location.NONE;
    }
    return new Location(location.getLineNr(), Math.max(1, location.getColumnNr()));
  }

  private String unclosed() {
    Open innermost = open.peek();
    if (innermost == null) {
      return "a value is not finished";
    }
    return "the "
        + innermost.kind()
        + " opened at line "
        + innermost.at().line()
        + ", column "
        + innermost.at().column()
        + " is not closed";
  }

  /**
   * Explains the two slips people make most when editing JSON by hand, and otherwise keeps
   * Jackson's description without its source and location suffixes.
   */
  private static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (message == null) {
      return "unreadable";
    }
    if (message.contains("was expecting comma")) {
      return "expected ',' before this point; is a comma missing at the end of the previous entry?";
    }
    if (message.contains("expected a valid value")
        && (message.contains("(']'") || message.contains("('}'"))) {
      return "a ',' comes right before a closing bracket; JSON does not allow trailing commas";
    }
    int cut = message.indexOf(" at [Source");
    if (cut >= 0) {
      message = message.substring(0, cut);
    }
    int nl = message.indexOf('\n');
    if (nl >= 0) {
      message = message.substring(0, nl);
    }
    return message.strip();
  }
}
