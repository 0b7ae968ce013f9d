package org.tritondatacenter.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;

/**
 * A known-broken origin (base-64-lts 16.4.1, DATASET-1297) is refused by name before anything is
 * sent, and {@code --allow-known-broken-origin} is the documented way past that refusal: with it
 * the same file builds.
 */
class KnownBrokenOriginCommandTest {
  private static final String FILE =
      "/org/tritondatacenter/origin/images/bad/known-broken-origin.json";
  private static final String BROKEN = "08b5fe40-c2b2-11e6-9d1b-a39c8a8ce4bd";

  @RegisterExtension static final LocalTritonExtension triton = FlowFixture.triton();

  @TempDir Path dir;

  private Cli cliWithBrokenOrigin(LocalTriton t) throws IOException {
    t.cloud().seedImage(Map.of("uuid", BROKEN, "name", "base-64-lts", "version", "16.4.1"));
    Cli cli = FlowFixture.cli(dir, t);
    try (InputStream in = getClass().getResourceAsStream(FILE)) {
      assertThat(in).as("core's test resource %s", FILE).isNotNull();
      Files.writeString(
          cli.work.resolve("images.json"), new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    return cli;
  }

  @Test
  void build_knownBrokenOrigin_isRefusedNamingTheOverrideAndSendsNothing(LocalTriton t)
      throws Exception {
    Cli cli = cliWithBrokenOrigin(t);

    Cli.Result r =
        cli.run(FlowTest.concat(new String[] {"build"}, FlowFixture.stamp("20250401T000000Z")));

    assertThat(r.status()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains("base-64-lts@16.4.1 is known to be broken", "DATASET-1297")
        .contains("--allow-known-broken-origin")
        .doesNotContain("\tat ");
    assertThat(t.requests().all()).as("nothing sent").isEmpty();
  }

  @Test
  void build_knownBrokenOriginWithOverride_buildsTheImage(LocalTriton t) throws Exception {
    Cli cli = cliWithBrokenOrigin(t);

    Cli.Result r =
        cli.run(
            FlowTest.concat(
                new String[] {"build", "--json", "--allow-known-broken-origin"},
                FlowFixture.stamp("20250401T000000Z")));

    assertThat(r.status()).as(r.toString()).isZero();
    assertThat(r.out()).contains("triton-origin-x86_64-16.4.1", BROKEN);
  }
}
