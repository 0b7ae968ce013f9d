package org.tritondatacenter.origin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code ssh-agent} in the foreground on a socket in a temporary directory, fed with {@code
 * ssh-add}. Closing it ends the process. The command-line tests use it too, through the test jar.
 */
public final class TestAgent implements AutoCloseable {
  private final Process process;
  private final Path socket;

  private TestAgent(Process process, Path socket) {
    this.process = process;
    this.socket = socket;
  }

  /** Starts an agent, or aborts the test if OpenSSH's agent is not installed. */
  public static TestAgent start(Path dir) throws IOException {
    Assumptions.assumeTrue(
        onPath("ssh-agent") && onPath("ssh-add"),
        "ssh-agent and ssh-add are not installed; the agent client cannot be tested here");
    Path socket = dir.resolve("agent.sock");
    ProcessBuilder builder =
        new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().remove("SSH_AUTH_SOCK");
    Process process = builder.start();
    // ssh-agent prints its SSH_AUTH_SOCK line once the socket listens: no polling needed.
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String first = out.readLine();
    TestAgent agent = new TestAgent(process, socket);
    if (first == null || !first.startsWith("SSH_AUTH_SOCK=")) {
      agent.close();
      throw new IllegalStateException("ssh-agent did not start: " + first);
    }
    return agent;
  }

  /** Returns the agent's socket, the value for {@code SSH_AUTH_SOCK}. */
  public Path socket() {
    return socket;
  }

  SshAgent client() {
    return SshAgent.at(socket);
  }

  /** Adds an unencrypted key file (mode 0600) to the agent. */
  public void add(Path keyFile) throws IOException, InterruptedException {
    run("ssh-add", keyFile.toString());
  }

  /** Removes the key whose .pub file is given. */
  void remove(Path publicKeyFile) throws IOException, InterruptedException {
    run("ssh-add", "-d", publicKeyFile.toString());
  }

  private void run(String... command) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Map<String, String> env = builder.environment();
    env.put("SSH_AUTH_SOCK", socket.toString());
    env.remove("SSH_ASKPASS");
    env.remove("DISPLAY");
    Process p = builder.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
  }

  /** Ends the agent process. */
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
    if (path == null) {
      return false;
    }
    for (String dir : List.of(path.split(File.pathSeparator))) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
