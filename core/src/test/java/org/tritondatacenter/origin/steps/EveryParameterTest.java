package org.tritondatacenter.origin.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks the whole table: every parameter of every step is accepted with a good value and read back
 * through its typed accessor, and refused with a value of the wrong type.
 */
class EveryParameterTest {

  static Stream<Arguments> everyParameter() {
    return Arrays.stream(Step.values())
        .flatMap(step -> step.parameters().stream().map(p -> Arguments.of(step, p.name())));
  }

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("everyParameter")
  void validate_goodValue_isSetAndReadBack(Step step, String name) {
    StepParameter p = step.parameter(name).orElseThrow();
    Map<String, Object> args = callWith(step, name);
    args.put(name, sample(step, p));

    StepArguments validated = step.validate(args);

    assertThat(validated.isSet(name)).isTrue();
    Object expected = expected(step, p);
    Object actual =
        switch (p.type().kind()) {
          case TEXT -> validated.string(name);
          case BOOLEAN -> validated.bool(name);
          case INTEGER -> validated.integer(name);
          case LIST -> validated.list(name);
          case MAP -> validated.map(name);
        };
    assertThat(actual).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("everyParameter")
  void validate_wrongType_isRefusedNamingTheParameter(Step step, String name) {
    StepParameter p = step.parameter(name).orElseThrow();
    Map<String, Object> args = callWith(step, name);
    Object wrong =
        switch (p.type().kind()) {
          case TEXT, LIST -> 42;
          case BOOLEAN -> "yes";
          case INTEGER -> "four";
          case MAP -> "a string";
        };
    args.put(name, wrong);

    StepArgumentException e =
        catchThrowableOfType(StepArgumentException.class, () -> step.validate(args));

    assertThat(e).isNotNull();
    assertThat(e.getMessage()).startsWith(step.functionName() + ": ");
    assertThat(e.problems()).anySatisfy(m -> assertThat(m).startsWith("'" + name + "': expects"));
  }

  /** Returns a valid call that the parameter under test can join without breaking a rule. */
  static Map<String, Object> callWith(Step step, String name) {
    Map<String, Object> args = new HashMap<>();
    switch (step) {
      case TRITON_ORIGIN_BUILD -> {
        if (name.equals("channel")) {
          args.put("imgapi", "updates");
        }
      }
      case MANTA_EXPORT -> args.put("build", Samples.build().toMap());
      case IMGADM_PUBLISH -> {
        switch (name) {
          case "from" -> {}
          case "manifest" -> args.put("file", "/acct/stor/x.zfs.gz");
          case "file" -> args.put("manifest", "/acct/stor/x.imgmanifest");
          case "sourceImgapi" -> args.put("uuids", Samples.UUID_A);
          case "uuids" -> args.put("sourceImgapi", "images");
          default -> args.put("export", Samples.export().toMap());
        }
      }
      case IMGADM_CHANNEL_ADD -> {
        args.put("channels", "staging");
        switch (name) {
          case "name" -> args.put("version", "1.0.0");
          case "version" -> args.put("name", "triton-origin");
          case "uuids" -> {}
          default -> args.put("uuids", List.of(Samples.UUID_A));
        }
      }
    }
    return args;
  }

  private static Object sample(Step step, StepParameter p) {
    return switch (p.type()) {
      case STRING -> "feature/x";
      case JSON_TEXT -> "[\n]";
      case PATH -> "/acct/stor/images.json";
      case MANTA_PATH -> Samples.DIR;
      case ENDPOINT -> "us-east-1";
      case CHANNEL -> "staging";
      case WORD -> "my-project";
      case VERSION -> "1.0.0";
      case TIMESTAMP -> "20250116T175211Z";
      case GIT_COMMIT -> "b17eb8e";
      case CHOICE -> p.choices().get(p.choices().size() - 1);
      case BOOLEAN -> !(Boolean.TRUE.equals(p.defaultValue()));
      case INTEGER -> p.max();
      case NAME_LIST -> List.of("triton-origin-x86_64-24.4.1");
      case UUID_LIST -> List.of(Samples.UUID_A, Samples.UUID_B);
      case CHANNEL_LIST -> List.of("staging", "release");
      case MAP -> step == Step.MANTA_EXPORT ? Samples.build().toMap() : Samples.export().toMap();
    };
  }

  private static Object expected(Step step, StepParameter p) {
    return sample(step, p);
  }
}
