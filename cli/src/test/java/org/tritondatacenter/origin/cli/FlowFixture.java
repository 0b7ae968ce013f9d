package org.tritondatacenter.origin.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.tritondatacenter.origin.images.BuildStamp;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.LocalTritonOptions;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

/**
 * A local Triton seeded for the repository's images.json whose simulated work runs {@link #SCALE}
 * times faster, and a command line pointed at it with the same clock, as the demo runs.
 */
final class FlowFixture {
  static final long SCALE = 400;
  static final Path IMAGES_JSON = Path.of("..", "images.json");
  static final String COMMIT = "abcdef0123456789abcdef0123456789abcdef01";

  /** One clock for the datacenter and the command line, so their waits agree. */
  static final ScaledClock CLOCK = ScaledClock.startingAt(Instant.now(), SCALE);

  static final Path KEYS = tempDir();

  private FlowFixture() {}

  /**
   * Returns true once core's operations are in this build; until then StepRunner answers "not
   * available in this version" and the flow tests have nothing to run.
   */
  static boolean operationsLanded() {
    return buildLanded() && present("org.tritondatacenter.origin.prune.Prune");
  }

  /** Returns true once core's build operation, preflight and gc are in this build. */
  static boolean buildLanded() {
    return present("org.tritondatacenter.origin.runner.BuildTools");
  }

  private static boolean present(String className) {
    try {
      Class.forName(className);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  static LocalTritonExtension triton() {
    try {
      return LocalTritonExtension.withOptions(
          LocalTritonOptions.builder()
              .seedImagesJson(Files.readString(IMAGES_JSON))
              .clock(CLOCK.asJavaClock())
              .home(KEYS)
              .build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns a command line whose environment is the local Triton's exports. */
  static Cli cli(Path dir, LocalTriton triton) throws IOException {
    Assumptions.assumeTrue(operationsLanded(), "core's operations are not in this build yet");
    return buildCli(dir, triton);
  }

  /** Returns a command line for tests that need only the build operation. */
  static Cli buildCli(Path dir, LocalTriton triton) throws IOException {
    Cli cli = new Cli(dir);
    cli.env.putAll(triton.exports());
    cli.clock = CLOCK;
    Files.copy(IMAGES_JSON, cli.work.resolve("images.json"));
    Path ssh = Files.createDirectories(cli.home.resolve(".ssh"));
    for (String name : new String[] {"id_rsa", "id_rsa.pub"}) {
      Files.copy(KEYS.resolve(".ssh").resolve(name), ssh.resolve(name));
    }
    return cli;
  }

  /** Returns the options that stamp a build without asking git. */
  static String[] stamp(String timestamp) {
    return new String[] {"--branch", "master", "--timestamp", timestamp, "--git-commit", COMMIT};
  }

  static String version(String timestamp) {
    return BuildStamp.of("master", timestamp, COMMIT).version();
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("triton-origin-cli-keys-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
