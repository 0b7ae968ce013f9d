package org.tritondatacenter.origin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.images.BuildStamp;
import org.tritondatacenter.origin.images.ImagesJsonReader;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.LocalTritonOptions;
import org.tritondatacenter.origin.wait.ScaledClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code triton-origin demo}: the whole job against a local Triton started in this process. It runs
 * the real commands, plan, build, export, publish to dev and a release to staging, release and
 * support, with a generated key and a clock that runs {@code --time-scale} times faster, so the
 * waits look real and the run takes seconds. It needs no credentials, network or git.
 */
@Command(
    name = "demo",
    description = {
      "Builds, exports, publishes and releases every image of images.json against a local"
          + " Triton started in this process, with a generated key: no credentials, network or"
          + " setup needed. Ends with a summary and the 'list' output."
    })
final class DemoCommand implements Callable<Integer> {
  /** The branch the demo builds, so it runs in any checkout, or none. */
  static final String BRANCH = "demo";

  /** The commit the demo stamps its images with. */
  static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

  /**
   * Jetty's logger, held so its level sticks: the local Triton's start-up notes would bury the
   * demo's own output.
   */
  private static final java.util.logging.Logger JETTY =
      java.util.logging.Logger.getLogger("org.eclipse.jetty");

  @ParentCommand TritonOriginCommand root;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  @Option(
      names = "--images",
      paramLabel = "PATH",
      defaultValue = "images.json",
      description = "The images file to build. Default: ${DEFAULT-VALUE} in the working directory.")
  Path images;

  @Option(
      names = "--time-scale",
      paramLabel = "N",
      defaultValue = "100",
      description =
          "How many times faster than real time the simulated datacenter runs. Default:"
              + " ${DEFAULT-VALUE}.")
  long timeScale;

  @Override
  public Integer call() throws IOException {
    CliEnvironment env = root.env;
    if (timeScale < 1 || timeScale > 100_000) {
      throw new UsageException("--time-scale must be between 1 and 100000, got " + timeScale);
    }
    Path file = env.workingDir().resolve(images).normalize();
    ImagesJsonReader.strict().read(file);
    String imagesJson = Files.readString(file, StandardCharsets.UTF_8);
    JETTY.setLevel(java.util.logging.Level.WARNING);
    Path dir = Files.createTempDirectory("triton-origin-demo-");
    long started = System.nanoTime();
    ScaledClock clock = ScaledClock.create(timeScale);
    String timestamp = BuildStamp.formatTimestamp(clock.now());
    try (LocalTriton triton =
        LocalTriton.start(
            LocalTritonOptions.builder()
                .seedImagesJson(imagesJson)
                .clock(clock.asJavaClock())
                .home(dir.resolve("home"))
                .build())) {
      Map<String, String> vars = new LinkedHashMap<>(triton.exports());
      env.env().entrySet().stream()
          .filter(e -> e.getKey().equals("COLUMNS") || e.getKey().equals("TERM"))
          .forEach(e -> vars.put(e.getKey(), e.getValue()));
      // The commands run in the demo's own directory, outside any checkout: the demo stamps its
      // images itself, so uncommitted changes where it was started are no reason to refuse.
      CliEnvironment demo =
          env.toBuilder()
              .env(vars)
              .home(dir.resolve("home"))
              .workingDir(dir)
              .time(clock, clock)
              .build();
      String state = dir.resolve("state.json").toString();
      String version = BRANCH + "-" + timestamp + "-g" + COMMIT.substring(0, 7);
      List<String> stamp =
          List.of("--branch", BRANCH, "--timestamp", timestamp, "--git-commit", COMMIT);
      List<Step> steps =
          List.of(
              new Step(
                  "plan",
                  "Check images.json and the configuration",
                  with(stamp, "--images", file.toString())),
              new Step(
                  "build",
                  "Build every image",
                  with(stamp, "--images", file.toString(), "--state-file", state)),
              new Step("export", "Export the images to Manta", List.of("--state-file", state)),
              new Step(
                  "publish",
                  "Publish them to IMGAPI in channel dev",
                  List.of("--channel", "dev", "--state-file", state)),
              new Step(
                  "release",
                  "Release them to staging, release and support",
                  List.of("--version", version, "--yes", "--state-file", state)),
              new Step("list", "The images on IMGAPI", List.of()));
      env.err()
          .println(
              "Demo: a local Triton at "
                  + triton.cloudApiUrl()
                  + " (CloudAPI), "
                  + triton.mantaUrl()
                  + " (Manta) and "
                  + triton.imgapiUrl()
                  + " (IMGAPI); its clock runs "
                  + timeScale
                  + "x faster.");
      int n = 0;
      for (Step step : steps) {
        n++;
        env.err().println();
        env.err()
            .println(
                "== "
                    + n
                    + "/"
                    + steps.size()
                    + " "
                    + step.title()
                    + ": triton-origin "
                    + step.command());
        env.err().flush();
        int status = Main.execute(step.args(root), demo);
        if (status != ExitCodes.OK) {
          env.err().println("demo: '" + step.command() + "' failed with exit status " + status);
          return status;
        }
      }
      summary(env, Path.of(state), triton, Duration.ofNanos(System.nanoTime() - started), clock);
      return ExitCodes.OK;
    } finally {
      delete(dir);
    }
  }

  private void summary(
      CliEnvironment env, Path state, LocalTriton triton, Duration real, ScaledClock clock) {
    JsonNode record;
    try {
      record = Json.mapper().readTree(Files.readString(state, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new TritonException("cannot read the demo's state file: " + e.getMessage(), e);
    }
    JsonNode build = record.path("build").path("result");
    JsonNode export = record.path("export").path("result");
    JsonNode published = record.path("publish").path("result").path("images");
    int images = build.path("images").size();
    var out = env.out();
    out.println();
    out.println("Demo summary");
    out.println(
        "  built:     "
            + images
            + " images, version "
            + build.path("images").path(0).path("version").asText());
    out.println("  exported:  " + export.path("dir").asText());
    out.println("  published: " + published.size() + " images in channel dev");
    out.println("  released:  to " + String.join(", ", ReleaseCommand.DEFAULT_CHANNELS));
    out.println("  leftovers: " + (triton.leakReport().isEmpty() ? "none" : triton.leakReport()));
    out.println(
        "  time:      "
            + String.format(java.util.Locale.ROOT, "%.1f", real.toMillis() / 1000.0)
            + " s, "
            + Durations.human(real.multipliedBy(clock.factor()))
            + " of simulated datacenter time");
    out.flush();
  }

  private static List<String> with(List<String> base, String... more) {
    List<String> args = new ArrayList<>(base);
    args.addAll(List.of(more));
    return args;
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is harmless.
    }
  }

  /** One command the demo runs. */
  private record Step(String command, String title, List<String> options) {
    String[] args(TritonOriginCommand root) {
      List<String> args = new ArrayList<>();
      if (root.verbose) {
        args.add("--verbose");
      }
      if (root.debug) {
        args.add("--debug");
      }
      args.add(0, command);
      args.addAll(options);
      return args.toArray(String[]::new);
    }
  }
}
