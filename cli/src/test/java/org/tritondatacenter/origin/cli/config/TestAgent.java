package org.tritondatacenter.origin.cli.config;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** A real {@code ssh-agent} on a socket in a temporary directory; closing it ends the process. */
final class TestAgent implements AutoCloseable {
  private final Process process;
  private final Path socket;

  private TestAgent(Process process, Path socket) {
    this.process = process;
    this.socket = socket;
  }

  static TestAgent start(Path dir) throws IOException {
    Assumptions.assumeTrue(
        onPath("ssh-agent") && onPath("ssh-add"), "OpenSSH's ssh-agent is not installed");
    Path socket = dir.resolve("agent.sock");
    ProcessBuilder builder =
        new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().remove("SSH_AUTH_SOCK");
    Process process = builder.start();
    // ssh-agent prints its SSH_AUTH_SOCK line once the socket listens.
    String first =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
            .readLine();
    TestAgent agent = new TestAgent(process, socket);
    if (first == null || !first.startsWith("SSH_AUTH_SOCK=")) {
      agent.close();
      throw new IllegalStateException("ssh-agent did not start: " + first);
    }
    return agent;
  }

  Path socket() {
    return socket;
  }

  void add(Path keyFile) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder("ssh-add", keyFile.toString())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().put("SSH_AUTH_SOCK", socket.toString());
    Process p = builder.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("ssh-add failed: " + output);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    return path != null
        && List.of(path.split(File.pathSeparator)).stream()
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
  }
}
