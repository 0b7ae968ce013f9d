package org.tritondatacenter.origin.testkit.cloudapi.guest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Controls the simulated guests: how each machine's user-script goes, the pkgsrc catalogue it
 * installs from, and the audit report it produces. Thread-safe.
 *
 * <pre>{@code
 * cloud.guest().behaveForNext(1, GuestBehaviour.failAt("install"));
 * cloud.guest().behaveForName("proto", GuestBehaviour.hangAt("upgrade"));
 * }</pre>
 *
 * <p>A machine's behaviour is chosen when it is created: a rule for its id wins (it may be set
 * after creation, until the script gets there), then name and next-N rules in the order they were
 * added (a next-N rule is used up by the machines it picks), then the default of {@link #behave}.
 */
public final class GuestControl {
  private static final Logger LOG = Logger.getLogger(GuestControl.class.getName());
  private static final int AUDIT_LIMIT = 64 * 1024;

  private final Catalogue catalogue;
  private final List<Rule> rules = new ArrayList<>();
  private final Map<String, GuestBehaviour> byId = new LinkedHashMap<>();
  private final List<String> modelErrors = new ArrayList<>();
  private GuestBehaviour defaultBehaviour = GuestBehaviour.succeed();
  private String auditReport;

  private static final class Rule {
    final String nameContains;
    int remaining;
    final GuestBehaviour behaviour;

    Rule(String nameContains, int remaining, GuestBehaviour behaviour) {
      this.nameContains = nameContains;
      this.remaining = remaining;
      this.behaviour = behaviour;
    }
  }

  /** Creates the control with an initial catalogue of {@code name-version} entries. */
  public GuestControl(List<String> catalogue) {
    this.catalogue = new Catalogue(catalogue);
  }

  /** Sets the behaviour of every machine no other rule picks. */
  public synchronized void behave(GuestBehaviour behaviour) {
    this.defaultBehaviour = Objects.requireNonNull(behaviour, "behaviour == null");
  }

  /** Sets the behaviour of machines created from now on whose name contains {@code part}. */
  public synchronized void behaveForName(String part, GuestBehaviour behaviour) {
    Objects.requireNonNull(part, "part == null");
    rules.add(new Rule(part, -1, Objects.requireNonNull(behaviour, "behaviour == null")));
  }

  /** Sets the behaviour of one machine by id; it applies to the part of its script not yet run. */
  public synchronized void behaveForMachine(String machineId, GuestBehaviour behaviour) {
    byId.put(
        Objects.requireNonNull(machineId, "machineId == null"),
        Objects.requireNonNull(behaviour, "behaviour == null"));
  }

  /** Sets the behaviour of the next {@code count} machines created. */
  public synchronized void behaveForNext(int count, GuestBehaviour behaviour) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, was " + count);
    }
    rules.add(new Rule(null, count, Objects.requireNonNull(behaviour, "behaviour == null")));
  }

  /** Forgets every behaviour rule; machines then succeed by default. */
  public synchronized void reset() {
    rules.clear();
    byId.clear();
    defaultBehaviour = GuestBehaviour.succeed();
  }

  /** Sets the report {@code pkg_admin audit} produces; null restores the generated one. */
  public synchronized void auditReport(String report) {
    this.auditReport = report;
  }

  /** Adds a {@code name-version} entry, such as {@code jq-1.7.1}, to the catalogue. */
  public synchronized void addToCatalogue(String entry) {
    catalogue.add(entry);
  }

  /** Returns the catalogue's {@code name-version} entries. */
  public synchronized List<String> catalogue() {
    return catalogue.entries();
  }

  /** Returns true when the catalogue holds some version of the package {@code name}. */
  public synchronized boolean inCatalogue(String name) {
    return catalogue.hasName(name);
  }

  /** Returns the lines the model could not simulate, such as a substitution for another key. */
  public synchronized List<String> modelErrors() {
    return List.copyOf(modelErrors);
  }

  /**
   * Starts the guest of a new machine, choosing its behaviour now.
   *
   * @param script the {@code user-script} metadata, or null when there is none
   * @param stepDuration how long each simulated command takes
   */
  public synchronized GuestRun start(
      String machineId, String machineName, String script, Duration stepDuration) {
    return new GuestRun(
        this, machineId, choose(machineName), script == null ? "" : script, stepDuration);
  }

  private GuestBehaviour choose(String machineName) {
    for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
      Rule rule = it.next();
      if (rule.nameContains != null) {
        if (machineName != null && machineName.contains(rule.nameContains)) {
          return rule.behaviour;
        }
      } else {
        if (--rule.remaining <= 0) {
          it.remove();
        }
        return rule.behaviour;
      }
    }
    return defaultBehaviour;
  }

  synchronized GuestBehaviour effective(String machineId, GuestBehaviour chosen) {
    return byId.getOrDefault(machineId, chosen);
  }

  synchronized Optional<String> resolve(String argument) {
    return catalogue.resolve(argument);
  }

  synchronized String auditReportFor(List<String> installed) {
    String report = auditReport;
    if (report == null) {
      report =
          installed.isEmpty()
              ? ""
              : "Package "
                  + installed.get(0)
                  + " has a testkit-simulated vulnerability, see https://testkit.invalid/audit/"
                  + Catalogue.name(installed.get(0))
                  + "\n";
    }
    return report.length() > AUDIT_LIMIT ? report.substring(report.length() - AUDIT_LIMIT) : report;
  }

  synchronized void modelError(String machineId, int line, String message) {
    String text = "machine " + machineId + ", user-script line " + line + ": " + message;
    modelErrors.add(text);
    LOG.warning("guest model error: " + text);
  }
}
