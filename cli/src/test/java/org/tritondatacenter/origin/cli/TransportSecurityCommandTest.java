package org.tritondatacenter.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.LocalTritonOptions;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;

/**
 * TLS verification is on by default on the command line too: the local Triton's self-signed
 * certificate is refused until the user turns verification off, by flags or by the variables the
 * Triton tools read, and then it works and warns. A bad value of the plain-HTTP switch's variable
 * is named.
 */
class TransportSecurityCommandTest {
  @RegisterExtension
  static final LocalTritonExtension triton =
      LocalTritonExtension.withOptions(
          LocalTritonOptions.builder()
              .seedImagesJson(readImagesJson())
              .clock(FlowFixture.CLOCK.asJavaClock())
              .home(FlowFixture.KEYS)
              .tls(true)
              .build());

  @TempDir Path dir;

  private static String readImagesJson() {
    try {
      return Files.readString(FlowFixture.IMAGES_JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String[] PLAN = {
    "plan", "--branch", "master", "--timestamp", "20250116T175211Z", "--git-commit", "abcdef0"
  };

  /** Returns a command line for the local Triton without the exports' insecure variables. */
  private Cli verifying(LocalTriton t) throws IOException {
    Cli cli = FlowFixture.cli(dir, t);
    cli.env.remove("TRITON_TLS_INSECURE");
    cli.env.remove("MANTA_TLS_INSECURE");
    cli.env.remove("UPDATES_IMGADM_INSECURE");
    return cli;
  }

  @Test
  void plan_selfSignedCertificate_isRefusedUntilVerificationIsTurnedOff(LocalTriton t)
      throws IOException {
    Cli cli = verifying(t);

    Cli.Result refused = cli.run(PLAN);

    assertThat(t.cloudApiUrl().getScheme()).isEqualTo("https");
    assertThat(refused.status()).as(refused.toString()).isNotZero();
    assertThat(refused.out() + refused.err())
        .contains("certificate is not trusted")
        .doesNotContain("\tat ");
    assertThat(t.requests().all()).as("nothing reached the server").isEmpty();
  }

  @Test
  void plan_insecureFlags_workAndWarn(LocalTriton t) throws IOException {
    Cli cli = verifying(t);

    Cli.Result r = cli.run(FlowTest.concat(PLAN, new String[] {"--insecure", "--imgapi-insecure"}));

    assertThat(r.status()).as(r.toString()).isZero();
    assertThat(r.err()).contains("TLS certificate verification is OFF");
  }

  @Test
  void plan_insecureVariables_workToo(LocalTriton t) throws IOException {
    Cli cli = FlowFixture.cli(dir, t);

    Cli.Result r = cli.run(PLAN);

    assertThat(cli.env).containsEntry("TRITON_TLS_INSECURE", "1");
    assertThat(r.status()).as(r.toString()).isZero();
    assertThat(r.err()).contains("TLS certificate verification is OFF");
  }

  @Test
  void allowInsecureHttp_badVariableValue_exitsTwoNamingIt(LocalTriton t) throws IOException {
    Cli cli = FlowFixture.cli(dir, t);
    cli.env.put("TRITON_ORIGIN_ALLOW_INSECURE_HTTP", "maybe");

    Cli.Result r = cli.run(PLAN);

    assertThat(r.status()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("TRITON_ORIGIN_ALLOW_INSECURE_HTTP is 'maybe'");
  }
}
