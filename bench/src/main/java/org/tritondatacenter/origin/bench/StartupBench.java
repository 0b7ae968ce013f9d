package org.tritondatacenter.origin.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tritondatacenter.origin.testkit.http.RequestRecord;

/**
 * B8: how long the CLI takes from process start to its first request, against the bare JVM ({@code
 * java -version}, start to exit). The command is {@code triton-origin list}, whose first request is
 * IMGAPI ListImages; the moment it arrives is the local Triton's own record of it. Three ways to
 * start the CLI are timed: a plain {@code java -jar}, the same with {@code -XX:+UseSerialGC} and an
 * application class-data archive (AppCDS) made from a {@code --help} run, as a launcher script
 * makes it, one made from a {@code list} run, which also covers the classes of a request, and that
 * one with the C1 compiler alone. When the checkout's {@code triton-origin} launcher script sits
 * beside the jar, it is timed too, and the verdict is its own: it is how users start the CLI.
 */
final class StartupBench {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private static final String LAUNCHER = "./triton-origin as shipped";

  private final BenchEnvironment env;
  private final Path jar;

  StartupBench(BenchEnvironment env, Path jar) {
    this.env = env;
    this.jar = jar.toAbsolutePath();
  }

  Row run() {
    if (!Files.isRegularFile(jar)) {
      return Row.notRun(
          "B8", Row.target("B8"), "the CLI jar " + jar + " is missing; build the cli module first");
    }
    Samples load = new Samples("");
    Path work = env.options().workDir().toAbsolutePath();
    Path helpArchive = work.resolve("cli-help.jsa");
    Path listArchive = work.resolve("cli-list.jsa");
    archive(helpArchive, "--help");
    archive(listArchive, "list");

    Map<String, List<String>> variants = new LinkedHashMap<>();
    variants.put("java -jar", javaJar(List.of()));
    variants.put("SerialGC + AppCDS of --help", javaJar(cds(helpArchive)));
    variants.put("SerialGC + AppCDS of list", javaJar(cds(listArchive)));
    // A short command spends much of its start compiling; C1 alone compiles less, sooner.
    List<String> c1 = new ArrayList<>(cds(listArchive));
    c1.add("-XX:TieredStopAtLevel=1");
    variants.put("the same, C1 only", javaJar(c1));
    Path script = launcherScript();
    if (script != null) {
      // The first run makes the launcher's own archive; it is not one of the samples.
      firstRequest(List.of(script.toString(), "list"));
      variants.put(LAUNCHER, List.of(script.toString(), "list"));
    }
    Map<String, Samples> first = new LinkedHashMap<>();
    variants.keySet().forEach(v -> first.put(v, new Samples("s")));
    Samples bare = new Samples("s");
    for (int i = 0; i < env.options().runs(); i++) {
      load.add(Facts.load1Value());
      bare.add(
          env.launcher().runPlain(List.of(java(), "-version"), Map.of(), TIMEOUT).wallSeconds());
      for (Map.Entry<String, List<String>> v : variants.entrySet()) {
        first.get(v.getKey()).add(firstRequest(v.getValue()));
      }
    }
    String best = null;
    for (String v : first.keySet()) {
      if (best == null || first.get(v).median() < first.get(best).median()) {
        best = v;
      }
    }
    // The verdict is the launcher's when there is one: the others are what it could become.
    String judged = first.containsKey(LAUNCHER) ? LAUNCHER : best;
    double overhead = first.get(judged).median() - bare.median();
    double bestOverhead = first.get(best).median() - bare.median();
    StringBuilder measured = new StringBuilder("triton-origin list, start to first request: ");
    first.forEach((v, s) -> measured.append(v).append(' ').append(s).append("; "));
    measured.setLength(measured.length() - 2);
    return new Row(
        "B8",
        measured.toString(),
        "java -version, start to exit: " + bare,
        first.get(judged).median() / bare.median(),
        Row.target("B8"),
        (overhead <= 0.5 ? "met" : Row.atMost(overhead, 0.5))
            + " ("
            + judged
            + ", "
            + Samples.format(overhead)
            + " s over the bare JVM; best variant: "
            + best
            + ", "
            + Samples.format(bestOverhead)
            + " s over)",
        load.describe(),
        List.of(
            "the ratio and the verdict are "
                + judged
                + "'s time to first request over the bare JVM's start to exit."));
  }

  /** The checkout's launcher script ({@code <root>/cli/target/<jar>}), or null when absent. */
  private Path launcherScript() {
    Path checkout = jar.getParent().getParent().getParent();
    Path script = checkout == null ? null : checkout.resolve("triton-origin");
    return script != null && Files.isExecutable(script) ? script : null;
  }

  private List<String> javaJar(List<String> jvmOptions) {
    List<String> command = new ArrayList<>(List.of(java()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(), "list"));
    return command;
  }

  private static List<String> cds(Path archive) {
    return List.of(
        "-XX:+UseSerialGC",
        "-XX:SharedArchiveFile=" + archive,
        "-Xlog:cds=off",
        "-Xlog:cds+dynamic=off");
  }

  /** Makes an AppCDS archive of the classes one run of {@code command} loads. */
  private void archive(Path archive, String command) {
    List<String> run =
        new ArrayList<>(List.of(java(), "-XX:+UseSerialGC", "-XX:ArchiveClassesAtExit=" + archive));
    run.addAll(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", jar.toString(), command));
    env.launcher().runPlain(run, cliEnvironment(), TIMEOUT);
  }

  /**
   * Runs {@code command} and returns the seconds from just before its start to its first request.
   */
  private double firstRequest(List<String> command) {
    env.triton().requests().clear();
    Instant before = Instant.now();
    ProcessResult result = env.launcher().runPlain(command, cliEnvironment(), TIMEOUT);
    List<RequestRecord> requests = env.triton().requests().all();
    if (requests.isEmpty()) {
      throw new IllegalStateException(
          "triton-origin list sent no request (exit " + result.exitCode() + "):\n" + result.tail());
    }
    Instant firstArrival = requests.get(0).started();
    return Duration.between(before, firstArrival).toNanos() / 1e9;
  }

  private Map<String, String> cliEnvironment() {
    Map<String, String> environment = new LinkedHashMap<>(env.triton().exports());
    environment.put("HOME", env.home().toString());
    environment.put("SSH_AUTH_SOCK", "");
    // The launcher runs the java on PATH: the same one as the other variants.
    environment.put(
        "PATH", Path.of(java()).getParent() + java.io.File.pathSeparator + System.getenv("PATH"));
    return environment;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
