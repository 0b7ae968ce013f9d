package org.tritondatacenter.origin.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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

  /**
   * Returns a command line whose environment is the local Triton's exports, with the repository's
   * images.json in its working directory and the local Triton's key in its {@code ~/.ssh}.
   */
  static Cli cli(Path dir, LocalTriton triton) throws IOException {
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
