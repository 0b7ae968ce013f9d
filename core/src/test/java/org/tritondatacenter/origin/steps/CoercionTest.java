package org.tritondatacenter.origin.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The coercions pipeline and CLI users rely on, through {@link Step#validate(Map)}. */
class CoercionTest {

  /** Stands in for a Groovy GString: a CharSequence that is not a String. */
  private record GString(String text) implements CharSequence {
    @Override
    public int length() {
      return text.length();
    }

    @Override
    public char charAt(int index) {
      return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  private static StepArguments channelAdd(Map<String, Object> extra) {
    Map<String, Object> args = new HashMap<>(Map.of("uuids", Samples.UUID_A));
    args.putAll(extra);
    return Step.IMGADM_CHANNEL_ADD.validate(args);
  }

  @Test
  void validate_charSequenceNotString_isAString() {
    StepArguments args =
        channelAdd(Map.of("channels", new GString("staging"), "fromChannel", new GString(" dev ")));

    assertThat(args.list("channels")).containsExactly("staging");
    assertThat(args.string("fromChannel")).isEqualTo("dev").isInstanceOf(String.class);
  }

  @Test
  void validate_commaSeparatedList_isTrimmedWithoutEmptiesOrDuplicates() {
    StepArguments args = channelAdd(Map.of("channels", " staging, release,,support ,staging,"));

    assertThat(args.list("channels")).containsExactly("staging", "release", "support");
  }

  @Test
  void validate_collectionsArraysAndUuids_areLists() {
    assertThat(channelAdd(Map.of("channels", new String[] {"a", " b "})).list("channels"))
        .containsExactly("a", "b");
    assertThat(
            channelAdd(Map.of("channels", new LinkedHashSet<>(List.of(new GString("x"), "y"))))
                .list("channels"))
        .containsExactly("x", "y");
    StepArguments uuids =
        Step.IMGADM_CHANNEL_ADD.validate(
            Map.of(
                "channels",
                "a",
                "uuids",
                List.of(UUID.fromString(Samples.UUID_B), Samples.UUID_A.toUpperCase())));
    assertThat(uuids.list("uuids")).containsExactly(Samples.UUID_B, Samples.UUID_A);
  }

  @Test
  void validate_stringBooleansAndIntegers_areCoerced() {
    StepArguments args =
        Step.TRITON_ORIGIN_BUILD.validate(
            Map.of(
                "force",
                "TRUE",
                "keepOnFailure",
                new GString(" false "),
                "concurrency",
                " 4 ",
                "timeoutMinutes",
                new BigDecimal("90.0")));

    assertThat(args.bool("force")).isTrue();
    assertThat(args.bool("keepOnFailure")).isFalse();
    assertThat(args.integer("concurrency")).isEqualTo(4);
    assertThat(args.integer("timeoutMinutes")).isEqualTo(90);
    assertThat(
            Step.TRITON_ORIGIN_BUILD
                .validate(Map.of("concurrency", 2L, "timeoutMinutes", BigInteger.TEN))
                .integer("timeoutMinutes"))
        .isEqualTo(10);
  }

  @Test
  void validate_hugeInteger_isOutOfRangeNotAnOverflow() {
    StepArgumentException e =
        catchThrowableOfType(
            StepArgumentException.class,
            () -> Step.TRITON_ORIGIN_BUILD.validate(Map.of("concurrency", "99999999999")));

    assertThat(e.problems())
        .containsExactly("'concurrency': expects a whole number, got the string '99999999999'");
    StepArgumentException nan =
        catchThrowableOfType(
            StepArgumentException.class,
            () -> Step.TRITON_ORIGIN_BUILD.validate(Map.of("concurrency", Double.NaN)));
    assertThat(nan.problems())
        .containsExactly("'concurrency': expects a whole number, got the number NaN");
  }

  @Test
  void validate_mapWithGroovyStrings_becomesPlainValues() {
    Map<String, Object> build = Samples.copy(Samples.build().toMap());
    build.put("branch", new GString("master"));
    Map<Object, Object> raw = new LinkedHashMap<>();
    build.forEach((k, v) -> raw.put(new GString(k), v));

    Map<String, Object> coerced = Step.MANTA_EXPORT.validate(Map.of("build", raw)).map("build");

    assertThat(coerced.get("branch")).isEqualTo("master").isInstanceOf(String.class);
    assertThat(coerced.keySet()).allSatisfy(k -> assertThat(k).isInstanceOf(String.class));
    assertThat(BuildResult.fromMap(coerced)).isEqualTo(Samples.build());
  }

  @Test
  void validate_mapWithNonStringKeyOrOddValue_isRefused() {
    StepArgumentException e =
        catchThrowableOfType(
            StepArgumentException.class,
            () -> Step.MANTA_EXPORT.validate(Map.of("build", Map.of(1, "x"))));
    assertThat(e.problems())
        .containsExactly("'build': has a key that is not a string at the top: the number 1");

    StepArgumentException odd =
        catchThrowableOfType(
            StepArgumentException.class,
            () ->
                Step.MANTA_EXPORT.validate(
                    Map.of("build", Map.of("images", List.of(new Object())))));
    assertThat(odd.problems())
        .containsExactly(
            "'build': holds a Object at images[0]; expected strings, numbers, booleans, lists and"
                + " maps");
  }

  @Test
  void validate_listItemOfWrongType_namesItsPosition() {
    StepArgumentException e =
        catchThrowableOfType(
            StepArgumentException.class, () -> channelAdd(Map.of("channels", List.of("a", 7))));

    assertThat(e.problems())
        .containsExactly("'channels': item 2 expects a string, got the number 7");
  }

  @Test
  void validate_emptyList_isRefused() {
    StepArgumentException e =
        catchThrowableOfType(
            StepArgumentException.class, () -> channelAdd(Map.of("channels", " , ")));

    assertThat(e.problems())
        .containsExactly("'channels': is empty; give at least one value or leave it out");
  }
}
