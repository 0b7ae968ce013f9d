package org.tritondatacenter.origin.build;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.cloudapi.Machine;
import org.tritondatacenter.origin.cloudapi.MachineFilter;
import org.tritondatacenter.origin.cloudapi.MachineState;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.images.ImageSpec;
import org.tritondatacenter.origin.preflight.PlannedImage;

/**
 * One image's build: the context its tasks share. Its progress lives in the record, never here, so
 * that a task run after a crash sees what the crashed run did.
 */
final class ImageJob {
  private static final Duration AT_LEAST = Duration.ofMillis(1);

  private final BuildContext build;
  private final PlannedImage plan;
  private final int index;
  private Instant deadline;
  private volatile boolean createMachineSent;
  private volatile boolean createImageSent;

  ImageJob(BuildContext build, PlannedImage plan, int index) {
    this.build = build;
    this.plan = plan;
    this.index = index;
  }

  BuildContext build() {
    return build;
  }

  CloudApiClient cloudApi() {
    return build.cloudApi();
  }

  PlannedImage plan() {
    return plan;
  }

  ImageSpec spec() {
    return plan.spec();
  }

  String name() {
    return plan.name();
  }

  ImageRecord record() {
    return build.progress().image(plan.name());
  }

  ImageRecord update(UnaryOperator<ImageRecord> change) {
    return build.progress().update(plan.name(), change);
  }

  /** Starts the image's deadline, which every wait of this attempt shares. */
  void startClock() {
    deadline = build.clock().now().plus(build.timeout());
  }

  /**
   * Returns the time left before the deadline; at least a millisecond, so that a wait past the
   * deadline still polls once and then reports what it saw.
   */
  Duration remaining() {
    Duration left = Duration.between(build.clock().now(), deadline);
    return left.compareTo(AT_LEAST) < 0 ? AT_LEAST : left;
  }

  /**
   * Returns the temporary machine's name: recognisable, unique per build, image and attempt, and
   * within CloudAPI's alias rules (letters, digits, '.', '_' and '-').
   */
  String machineName() {
    int attempt = record().attempt();
    return "triton-origin-" + build.buildId() + "-" + index + (attempt > 1 ? "-" + attempt : "");
  }

  /**
   * Looks for this image's machine by its tags, for a CreateMachine whose answer was lost or a run
   * that crashed before saving the id. Machines kept from failed attempts do not count.
   */
  Optional<Machine> findMachine() {
    MachineFilter filter =
        MachineFilter.builder()
            .tag(BuildTags.BUILD, build.buildId())
            .tag(BuildTags.IMAGE, plan.name())
            .build();
    List<String> kept = record().keptMachines();
    List<Machine> found =
        cloudApi().listMachines(filter).stream()
            .filter(m -> !kept.contains(m.id()))
            .filter(m -> m.state() != MachineState.DELETED)
            .sorted(
                Comparator.comparing(
                    (Machine m) -> m.created() == null ? Instant.MIN : m.created()))
            .toList();
    if (found.size() > 1) {
      warn(
          found.size()
              + " machines are tagged for "
              + plan.name()
              + " in build "
              + build.buildId()
              + "; using the newest, "
              + found.get(found.size() - 1).id()
              + ". Remove the others with triton-origin gc");
    }
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
  }

  boolean createMachineSent() {
    return createMachineSent;
  }

  void markCreateMachineSent() {
    createMachineSent = true;
  }

  boolean createImageSent() {
    return createImageSent;
  }

  void markCreateImageSent() {
    createImageSent = true;
  }

  void info(String message) {
    build.listener().on(new Event.Info(message));
  }

  void warn(String message) {
    build.listener().on(new Event.Warning(message));
  }
}
