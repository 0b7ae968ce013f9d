package org.tritondatacenter.origin.testkit.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The official Node.js clients, {@code triton} 7.17.0 and {@code manta} 5.4.2, installed from npm
 * into a directory that later runs reuse, and run as a user runs them.
 *
 * <p>npm 11 links no commands for {@code manta} (it declares them through {@code directories.bin}),
 * so every command runs as {@code node node_modules/<package>/bin/<command>}.
 */
final class NodeClients {
  static final String TRITON_VERSION = "7.17.0";
  static final String MANTA_VERSION = "5.4.2";
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

  private final Path dir;
  private final Path outputs;
  private final AtomicInteger runs = new AtomicInteger();

  private NodeClients(Path dir, Path outputs) {
    this.dir = dir;
    this.outputs = outputs;
  }

  /** Returns why the clients cannot run here (no {@code node} or {@code npm}), or empty. */
  static Optional<String> missingTools() {
    for (String tool : List.of("node", "npm")) {
      try {
        Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
          return Optional.of("'" + tool + " --version' failed");
        }
      } catch (IOException e) {
        return Optional.of("'" + tool + "' is not on the PATH: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.of("interrupted while looking for " + tool);
      }
    }
    return Optional.empty();
  }

  /**
   * Installs both packages into {@code dir} unless an earlier run left exactly these versions
   * there; command outputs go to {@code outputs}.
   */
  static NodeClients install(Path dir, Path outputs) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    NodeClients clients = new NodeClients(dir, outputs);
    if (clients.installed("triton", TRITON_VERSION) && clients.installed("manta", MANTA_VERSION)) {
      return clients;
    }
    // A package.json of its own keeps npm from installing into an enclosing project.
    Files.writeString(
        dir.resolve("package.json"),
        "{\"name\": \"triton-origin-real-clients\", \"private\": true}");
    Result npm =
        clients.run(
            Map.of(),
            INSTALL_TIMEOUT,
            "npm",
            "install",
            "--no-audit",
            "--no-fund",
            "--no-save",
            "--loglevel=error",
            "triton@" + TRITON_VERSION,
            "manta@" + MANTA_VERSION);
    if (npm.status() != 0) {
      throw new IllegalStateException("npm install failed:\n" + npm);
    }
    return clients;
  }

  private boolean installed(String name, String version) throws IOException {
    Path json = dir.resolve("node_modules").resolve(name).resolve("package.json");
    return Files.isRegularFile(json)
        && Files.readString(json).matches("(?s).*\"version\"\\s*:\\s*\"" + version + "\".*");
  }

  /** Runs {@code triton ARGS}. */
  Result triton(Map<String, String> env, String... args) {
    return node(env, "triton/bin/triton", args);
  }

  /** Runs one of node-manta's commands, such as {@code mput}. */
  Result manta(Map<String, String> env, String command, String... args) {
    return node(env, "manta/bin/" + command, args);
  }

  private Result node(Map<String, String> env, String script, String... args) {
    List<String> command = new ArrayList<>();
    command.add("node");
    command.add(dir.resolve("node_modules").resolve(script).toString());
    command.addAll(List.of(args));
    try {
      return run(env, Duration.ofMinutes(2), command.toArray(String[]::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Runs a command in the install directory. The environment is the test's own without any Triton,
   * Manta or ssh-agent settings, plus {@code env}; outputs go to files, so a chatty command never
   * blocks on a full pipe.
   */
  private Result run(Map<String, String> env, Duration timeout, String... command)
      throws IOException, InterruptedException {
    int n = runs.incrementAndGet();
    Files.createDirectories(outputs);
    Path out = outputs.resolve(n + ".out");
    Path err = outputs.resolve(n + ".err");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    Map<String, String> environment = pb.environment();
    environment
        .keySet()
        .removeIf(
            k ->
                k.startsWith("TRITON_")
                    || k.startsWith("SDC_")
                    || k.startsWith("MANTA_")
                    || k.equals("SSH_AUTH_SOCK"));
    environment.putAll(env);
    Process process = pb.start();
    process.getOutputStream().close();
    boolean done = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!done) {
      process.destroyForcibly().waitFor();
    }
    Result result =
        new Result(
            String.join(" ", command),
            done ? process.exitValue() : -1,
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    if (!done) {
      throw new AssertionError("timed out after " + timeout.toSeconds() + " s: " + result);
    }
    return result;
  }

  /** One command's outcome. */
  record Result(String command, int status, String stdout, String stderr) {
    /** Returns both outputs together, as a user sees them. */
    String output() {
      return stdout + stderr;
    }

    @Override
    public String toString() {
      return command + " -> " + status + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
  }
}
