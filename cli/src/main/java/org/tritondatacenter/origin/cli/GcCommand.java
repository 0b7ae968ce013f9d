package org.tritondatacenter.origin.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.gc.GcReport;
import org.tritondatacenter.origin.gc.Leftover;
import org.tritondatacenter.origin.runner.BuildTools;
import org.tritondatacenter.origin.state.FileRunRecordStore;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code triton-origin gc}: finds what interrupted builds left behind, by their build tag. */
@Command(
    name = "gc",
    description = {
      "Lists the machines and never-activated images that builds left behind, found by their"
          + " triton-origin.build tag; --delete removes them. Builds younger than --older-than,"
          + " and a build another triton-origin process is still running, are never touched."
    })
final class GcCommand extends ServiceCommand {
  @Option(
      names = "--older-than",
      paramLabel = "DURATION",
      defaultValue = "6h",
      description = "Leave alone builds younger than this, such as 6h or 90m. Default: 6h.")
  String olderThan;

  @Option(names = "--delete", description = "Delete what is listed.")
  boolean delete;

  @Option(
      names = "--state-file",
      paramLabel = "PATH",
      description =
          "A state file whose build is left alone while another process runs it. Default: "
              + StateOptions.DEFAULT_FILE
              + ".")
  Path stateFile;

  @Override
  public Integer call() {
    Duration threshold = Durations.parse(olderThan, "--older-than");
    List<String> live = liveRecords();
    try (Session session = session(false)) {
      // Unactivated IMGAPI images are visible only to a signed-in user.
      boolean imgapi = session.endpoints().resolve(Service.IMGAPI, null).key() != null;
      BuildTools.GcOptions options =
          new BuildTools.GcOptions(null, imgapi, null, threshold, live, delete);
      var environment = session.stepEnvironment(new MemoryRunRecordStore(), "memory").build();
      GcReport report = env().interruption().guard(() -> BuildTools.gc(options, environment));
      if (json) {
        printJson(report.toMap());
      } else {
        print(report, threshold);
      }
      return report.failed().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }

  /** Returns the record of a run another process holds open: its build is still running. */
  private List<String> liveRecords() {
    Path file =
        env()
            .workingDir()
            .resolve(stateFile == null ? Path.of(StateOptions.DEFAULT_FILE) : stateFile);
    List<String> live = new ArrayList<>();
    if (!Files.exists(file)) {
      return live;
    }
    try {
      // Nobody holds the lock: whatever the record says, no process is running it.
      FileRunRecordStore.open(file).close();
      return live;
    } catch (TritonException e) {
      // Held by another process (or unreadable): leave its build alone, the safe side.
      try {
        live.add(Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException unreadable) {
        throw new TritonException(
            "cannot read the state file " + file + ": " + unreadable.getMessage(), unreadable);
      }
      note("The build in " + file + " is running in another process; gc leaves it alone.");
      return live;
    }
  }

  private void print(GcReport report, Duration threshold) {
    Table table = new Table("KIND", "ID", "NAME", "BUILD", "CREATED", "ACTION");
    for (Leftover l : report.deleted()) {
      row(table, l, "deleted");
    }
    for (GcReport.Failed f : report.failed()) {
      row(table, f.leftover(), "FAILED: " + f.error());
    }
    for (Leftover l : report.removable()) {
      if (!report.deleted().contains(l)
          && report.failed().stream().noneMatch(f -> f.leftover().equals(l))) {
        row(table, l, report.deleteRequested() ? "not deleted" : "would delete (--delete)");
      }
    }
    for (GcReport.Kept k : report.kept()) {
      row(table, k.leftover(), "kept: " + k.reason());
    }
    if (table.isEmpty()) {
      env().out().println("No leftovers found.");
      env().out().flush();
      return;
    }
    table.print(env().out());
    if (!report.deleteRequested() && !report.removable().isEmpty()) {
      note(
          "Nothing deleted; run with --delete to remove what is older than "
              + Durations.format(threshold)
              + ".");
    }
  }

  private static void row(Table table, Leftover l, String action) {
    table.row(
        l.kind(),
        l.id(),
        l.name(),
        l.buildId(),
        l.created() == null ? null : l.created().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
        action);
  }
}
