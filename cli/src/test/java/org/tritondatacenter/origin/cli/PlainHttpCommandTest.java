package org.tritondatacenter.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;

/**
 * Plain {@code http://} to a host other than this machine, as on a lab network behind an HTTP
 * proxy: refused without {@code --allow-insecure-http}, used with a warning with it. The proxy is
 * the local CloudAPI itself, which serves the proxied requests, so no name is ever looked up.
 */
class PlainHttpCommandTest {
  @RegisterExtension static final LocalTritonExtension triton = FlowFixture.triton();

  @TempDir Path dir;

  private static final String[] PLAN = {
    "plan", "--branch", "master", "--timestamp", "20250116T175211Z", "--git-commit", "abcdef0"
  };

  /** Returns a command line whose CloudAPI is a remote name reached through a proxy. */
  private Cli behindProxy(LocalTriton t) throws IOException {
    Cli cli = FlowFixture.cli(dir, t);
    int port = t.cloudApiUrl().getPort();
    cli.env.put("TRITON_URL", "http://cloudapi.lab.example:" + port);
    cli.env.put("HTTP_PROXY", "http://127.0.0.1:" + port);
    cli.env.put("NO_PROXY", "127.0.0.1,localhost");
    return cli;
  }

  @Test
  void plan_plainHttpToAnotherHost_isRefusedWithoutTheSwitch(LocalTriton t) throws IOException {
    Cli cli = behindProxy(t);

    Cli.Result r = cli.run(PLAN);

    assertThat(r.status()).as(r.toString()).isNotZero();
    assertThat(r.out() + r.err())
        .contains("http://cloudapi.lab.example:", "--allow-insecure-http")
        .doesNotContain("\tat ");
    assertThat(t.requests().all()).noneMatch(req -> req.operation().equals("ListPackages"));
  }

  @Test
  void plan_plainHttpToAnotherHostWithTheSwitch_worksAndWarns(LocalTriton t) throws IOException {
    Cli cli = behindProxy(t);

    Cli.Result r = cli.run(FlowTest.concat(new String[] {"--allow-insecure-http"}, PLAN));
    Cli.Result byVariable = cli.run(PLAN);

    assertThat(r.status()).as(r.toString()).isZero();
    assertThat(r.err()).contains("plain http:// to another machine", "--allow-insecure-http");
    assertThat(t.requests().operation("ListPackages"))
        .anySatisfy(req -> assertThat(req.verified()).isTrue());
    cli.env.put("TRITON_ORIGIN_ALLOW_INSECURE_HTTP", "1");
    Cli.Result allowed = cli.run(PLAN);
    assertThat(byVariable.status()).isNotZero();
    assertThat(allowed.status()).as(allowed.toString()).isZero();
  }
}
