package org.tritondatacenter.origin.images;

import java.util.List;
import java.util.Optional;

/**
 * A parsed JSON value that remembers where each value and key starts. Jackson's own tree drops
 * locations, and every images.json error must name its line and column.
 */
sealed interface JsonTree {

  Location at();

  /** Returns the JSON type as users know it, for "expected ..., got ..." messages. */
  String typeName();

  /** One key of an object, with the position of the key itself. */
  record Member(String key, Location keyAt, JsonTree value) {}

  record Obj(Location at, List<Member> members) implements JsonTree {
    public Obj {
      members = List.copyOf(members);
    }

    Optional<Member> member(String key) {
      return members.stream().filter(m -> m.key().equals(key)).findFirst();
    }

    @Override
    public String typeName() {
      return "an object";
    }
  }

  record Arr(Location at, List<JsonTree> items) implements JsonTree {
    public Arr {
      items = List.copyOf(items);
    }

    @Override
    public String typeName() {
      return "an array";
    }
  }

  record Str(Location at, String value) implements JsonTree {
    @Override
    public String typeName() {
      return "a string";
    }
  }

  /** A number; {@code integral} is false for numbers written with a fraction or exponent. */
  record Num(Location at, Number value, boolean integral, String text) implements JsonTree {
    @Override
    public String typeName() {
      return "a number";
    }
  }

  record Bool(Location at, boolean value) implements JsonTree {
    @Override
    public String typeName() {
      return "a boolean";
    }
  }

  record Null(Location at) implements JsonTree {
    @Override
    public String typeName() {
      return "null";
    }
  }
}
