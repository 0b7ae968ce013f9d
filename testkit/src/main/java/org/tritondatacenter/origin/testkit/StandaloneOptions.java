package org.tritondatacenter.origin.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.tritondatacenter.origin.testkit.auth.Accounts;

/** Parses the standalone mode's command-line options into {@link LocalTritonOptions}. */
record StandaloneOptions(LocalTritonOptions options, Path envFile, boolean verbose, boolean help) {

  static String usage() {
    return """
        Usage: triton-origin simulator [options]

        Runs a local Triton (CloudAPI, Manta and IMGAPI) and prints export lines for its
        settings, then "# ready". Stop it with Ctrl-C.

          --account NAME            account login for all three services (default alice)
          --home DIR                write the generated keys to DIR/.ssh (default: a temporary dir)
          --env-file PATH           also write the export lines to PATH
          --authorized-key FILE     register another public key (repeatable)
          --sub-user NAME           register a sub-user of the account (repeatable)
          --seed FILE               make the datacenter ready to build this images.json
          --tls                     serve HTTPS with a generated self-signed certificate
          --require-tls-writes      refuse Manta writes over plain HTTP, as Manta does
          --time-scale N            run simulated durations N times faster than real time
          --no-snaplinks            act like a mantav2 server without snaplinks
          --verbose                 log every request on standard error (signatures redacted)
          --bench-mode              BENCHMARKS ONLY: echo the client's digests, compute none
          --unauthenticated-listener
                                    BENCHMARKS ONLY: an extra Manta port needing no signature
          --discard                 BENCHMARKS ONLY: keep no object bytes, only sizes and digests
          --help                    show this help
        """;
  }

  static StandaloneOptions parse(String[] args) {
    LocalTritonOptions.Builder b = LocalTritonOptions.builder();
    Path home = null;
    Path envFile = null;
    boolean verbose = false;
    boolean help = false;
    Deque<String> queue = new ArrayDeque<>(java.util.List.of(args));
    while (!queue.isEmpty()) {
      String arg = queue.poll();
      switch (arg) {
        case "--help", "-h" -> help = true;
        case "--account" -> b.account(value(arg, queue));
        case "--home" -> home = Path.of(value(arg, queue));
        case "--env-file" -> envFile = Path.of(value(arg, queue));
        case "--authorized-key" -> b.authorizedKey(readKey(Path.of(value(arg, queue))));
        case "--sub-user" -> b.subUser(value(arg, queue));
        case "--seed" -> b.seedImagesJson(readSeed(Path.of(value(arg, queue))));
        case "--tls" -> b.tls(true);
        case "--require-tls-writes" -> b.requireTlsWrites(true);
        case "--time-scale" -> b.clock(ScaledJavaClock.create(number(arg, value(arg, queue))));
        case "--no-snaplinks" -> b.snaplinks(false);
        case "--verbose", "-v" -> verbose = true;
        case "--bench-mode" -> b.benchMode(true);
        case "--unauthenticated-listener" -> b.unauthenticatedListener(true);
        case "--discard" -> b.storage(StorageMode.DISCARD);
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    if (home == null && !help) {
      try {
        home = Files.createTempDirectory("triton-origin-home-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new StandaloneOptions(b.home(home).build(), envFile, verbose, help);
  }

  private static String value(String option, Deque<String> queue) {
    String value = queue.poll();
    if (value == null || value.startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return value;
  }

  private static double number(String option, String value) {
    try {
      double n = Double.parseDouble(value);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new IllegalArgumentException(option + " needs a positive number, not '" + value + "'");
  }

  private static String readKey(Path file) {
    String line = read(file, "--authorized-key").strip();
    if (!line.startsWith("ssh-") && !line.startsWith("ecdsa-")) {
      throw new IllegalArgumentException(
          "--authorized-key " + file + " is not an OpenSSH public key (.pub) file");
    }
    try {
      // Registering on a scratch registry checks the key fully, so a bad file is named here
      // rather than failing the start.
      new Accounts("check", kind -> Instant.now()).addKey("check", null, line);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--authorized-key " + file + ": " + e.getMessage(), e);
    }
    return line;
  }

  private static String readSeed(Path file) {
    String text = read(file, "--seed");
    try {
      Seeder.check(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--seed " + file + ": " + e.getMessage(), e);
    }
    return text;
  }

  private static String read(Path file, String option) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          option + " " + file + " cannot be read: " + e.getMessage());
    }
  }
}
