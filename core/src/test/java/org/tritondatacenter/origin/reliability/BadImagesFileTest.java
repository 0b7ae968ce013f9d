package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tritondatacenter.origin.images.ImagesJsonException;
import org.tritondatacenter.origin.runner.StepRunner;
import org.tritondatacenter.origin.steps.Step;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.ManualClock;

/**
 * The images reader's corpus of bad files (truncated, not an array, unknown or duplicated keys,
 * wrong types, huge strings, control characters, non-ASCII and path-like names, absurd memory,
 * empty or duplicate packages, ...) handed to {@code tritonOriginBuild} through the step runner, as
 * both adapters hand it: each is refused with every problem named by position and field, one line
 * each and no stack trace, before a single request reaches the datacenter.
 */
class BadImagesFileTest {
  private static final ManualClock CLOCK = new ManualClock();
  private static final String CORPUS = "/org/tritondatacenter/origin/images/bad";

  @RegisterExtension
  static final LocalTritonExtension TRITON =
      LocalTritonExtension.withOptions(Seeds.options(CLOCK).build());

  static Stream<String> corpus() throws IOException, URISyntaxException {
    Path dir = Path.of(BadImagesFileTest.class.getResource(CORPUS).toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void build_badImagesFile_isRefusedFieldByFieldBeforeAnyRequest(String file) throws Exception {
    LocalTriton triton = TRITON.triton();
    String text =
        new String(
            BadImagesFileTest.class.getResourceAsStream(CORPUS + "/" + file).readAllBytes(),
            StandardCharsets.UTF_8);

    ImagesJsonException e =
        catchThrowableOfType(
            ImagesJsonException.class,
            () ->
                StepRunner.run(
                    Step.TRITON_ORIGIN_BUILD,
                    Map.of("imagesJson", text, "channel", "dev"),
                    Steps.environment(Rig.on(triton, CLOCK, CLOCK))));

    assertThat(e).as("%s must be refused", file).isNotNull();
    assertThat(e.problems())
        .isNotEmpty()
        .allSatisfy(
            p -> {
              assertThat(p.file()).isEqualTo("images.json");
              assertThat(p.line()).isPositive();
              assertThat(p.path()).startsWith("$");
              assertThat(p.message()).doesNotContain("\n", "Exception", "\tat ");
            });
    String[] lines = e.getMessage().split("\n");
    assertThat(lines[0]).startsWith("images.json is not a valid images file (");
    assertThat(lines).hasSize(e.problems().size() + 1);
    assertThat(e.getMessage())
        .as("control characters are named, never echoed")
        .doesNotContainPattern("[\\x00-\\x08\\x0b-\\x1f\\x7f]");
    assertThat(triton.requests().all()).as("nothing sent, nothing written").isEmpty();
  }
}
