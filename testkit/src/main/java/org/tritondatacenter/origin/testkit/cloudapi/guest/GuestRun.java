package org.tritondatacenter.origin.testkit.cloudapi.guest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tritondatacenter.origin.testkit.cloudapi.guest.GuestBehaviour.Outcome;

/**
 * One machine's guest running its user-script, evaluated lazily: each call to {@link #advance} runs
 * the top-level lines whose time has come and writes what they put into the machine's customer
 * metadata. Recognised commands take one step duration each; {@code mdata-put} and ignored lines
 * take none. Thread-safe.
 */
public final class GuestRun {
  /** The status key: {@code running}, {@code ok} or {@code failed}. */
  public static final String STATUS = "triton-origin:status";

  /** The step key: {@code update}, {@code upgrade}, {@code install}, {@code audit}, ... */
  public static final String STEP = "triton-origin:step";

  /** The error key: the failing command, a newline, then the last 4 KiB of its output. */
  public static final String ERROR = "triton-origin:error";

  /** The installed packages key: one {@code name-version} a line. */
  public static final String PKGS = "triton-origin:pkgs";

  /** The audit key: the audit's output, at most 64 KiB. */
  public static final String AUDIT = "triton-origin:audit";

  private static final int ERROR_TAIL = 4096;

  /** Receives the metadata the script writes. */
  @FunctionalInterface
  public interface MetadataSink {
    void put(String key, String value, Instant at);
  }

  private record Entry(ScriptLines.Line line, Command command) {}

  private final GuestControl control;
  private final String machineId;
  private final GuestBehaviour chosen;
  private final List<Entry> entries = new ArrayList<>();
  private final Duration stepDuration;
  private final Set<String> installed = new LinkedHashSet<>();
  private int cursor;
  private Instant time;
  private String currentStep;
  private boolean halted;
  private Instant crashedAt;

  GuestRun(
      GuestControl control,
      String machineId,
      GuestBehaviour chosen,
      String script,
      Duration stepDuration) {
    this.control = control;
    this.machineId = machineId;
    this.chosen = chosen;
    this.stepDuration = stepDuration;
    for (ScriptLines.Line line : ScriptLines.topLevel(script)) {
      entries.add(new Entry(line, Command.parse(line.words())));
    }
  }

  /**
   * Runs the script from {@code start} (when the machine became running) up to {@code horizon}
   * (now, or earlier when the machine was stopped), writing metadata into {@code sink}.
   */
  public synchronized void advance(Instant start, Instant horizon, MetadataSink sink) {
    if (halted || horizon.isBefore(start)) {
      return;
    }
    GuestBehaviour behaviour = control.effective(machineId, chosen);
    if (time == null) {
      time = start;
      if (behaviour.outcome() == Outcome.CRASH && behaviour.step() == null) {
        crash();
        return;
      }
    }
    while (!halted && cursor < entries.size() && !time.isAfter(horizon)) {
      Entry entry = entries.get(cursor);
      Command command = entry.command();
      if (command.type() == Command.Type.MDATA_PUT) {
        mdataPut(entry, sink);
        cursor++;
        continue;
      }
      String step = stepOf(command);
      if (step == null) {
        cursor++;
        continue;
      }
      if (behaviour.firesAt(Outcome.HANG, step)) {
        halted = true;
        return;
      }
      if (behaviour.firesAt(Outcome.CRASH, step)) {
        crash();
        return;
      }
      Instant end = time.plus(stepDuration);
      if (end.isAfter(horizon)) {
        return;
      }
      time = end;
      cursor++;
      run(entry, step, behaviour, sink);
    }
  }

  /** Returns when the machine crashed, or null when it has not. */
  public synchronized Instant crashedAt() {
    return crashedAt;
  }

  /** Returns true once the script has run its last line, failed, crashed or hung. */
  public synchronized boolean done() {
    return halted || (time != null && cursor >= entries.size());
  }

  /** Returns the packages installed so far, as {@code name-version} catalogue entries. */
  public synchronized List<String> installed() {
    return List.copyOf(installed);
  }

  private void crash() {
    crashedAt = time;
    halted = true;
  }

  private String stepOf(Command command) {
    if (command.type().step != null) {
      return command.type().step;
    }
    // Other lines are the user's own commands only inside the custom step; elsewhere the model
    // ignores them.
    return "custom".equals(currentStep) ? "custom" : null;
  }

  private void run(Entry entry, String step, GuestBehaviour behaviour, MetadataSink sink) {
    if (behaviour.firesAt(Outcome.FAIL, step)) {
      String output = behaviour.output() != null ? behaviour.output() : simulatedFailure(step);
      fail(entry, output, sink);
      return;
    }
    if (entry.command().type() == Command.Type.INSTALL) {
      install(entry, sink);
    }
  }

  private void install(Entry entry, MetadataSink sink) {
    List<String> found = new ArrayList<>();
    StringBuilder missing = new StringBuilder();
    for (String argument : entry.command().packages()) {
      if (argument.contains("$")) {
        control.modelError(
            machineId,
            entry.line().number(),
            "package argument '" + argument + "' uses a variable; write package names literally");
      }
      control
          .resolve(argument)
          .ifPresentOrElse(
              found::add,
              () -> missing.append(argument).append(" is not available in the repository\n"));
    }
    if (missing.length() > 0) {
      fail(entry, "calculating dependencies...done.\n" + missing, sink);
      return;
    }
    installed.addAll(found);
  }

  private void mdataPut(Entry entry, MetadataSink sink) {
    Command c = entry.command();
    int number = entry.line().number();
    if (c.key() == null || c.value() == null) {
      control.modelError(
          machineId, number, "mdata-put needs KEY and VALUE on the line (stdin is not simulated)");
      return;
    }
    String value = c.value();
    if (c.substitution()) {
      if (c.key().equals(PKGS)) {
        value = String.join("\n", installed.stream().sorted().toList());
      } else if (c.key().equals(AUDIT)) {
        value = control.auditReportFor(installed.stream().sorted().toList());
      } else {
        control.modelError(
            machineId,
            number,
            "cannot evaluate the command substitution for key "
                + c.key()
                + "; only "
                + PKGS
                + " and "
                + AUDIT
                + " may use one");
        return;
      }
    }
    if (c.key().equals(STEP)) {
      currentStep = value;
    }
    sink.put(c.key(), value, time);
  }

  /** Does what the build script's error trap does, then stops the script (errexit). */
  private void fail(Entry entry, String output, MetadataSink sink) {
    String tail =
        output.length() > ERROR_TAIL ? output.substring(output.length() - ERROR_TAIL) : output;
    sink.put(STATUS, "failed", time);
    sink.put(ERROR, entry.line().text() + "\n" + tail, time);
    halted = true;
  }

  private static String simulatedFailure(String step) {
    return switch (step) {
      case "update", "upgrade", "install" ->
          "pkgin: Could not fetch https://pkgsrc.smartos.org/packages/SmartOS/All/pkg_summary.xz:"
              + " Operation timed out (simulated failure)\n";
      case "audit" -> "pkg_admin: Could not read the vulnerabilities file (simulated failure)\n";
      default -> "command exited with status 1 (simulated failure)\n";
    };
  }
}
