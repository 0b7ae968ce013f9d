package org.tritondatacenter.origin.cloudapi;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.wait.Waiter;

/**
 * Waits for a machine or an image to reach a state, polling through {@link Waiter} on the injected
 * clock.
 *
 * <p>Which states end a wait early: {@code failed} (never left for a better state), and for a
 * machine {@code deleted} (it will never run again). Neither counts when it is itself wanted, and a
 * machine being deleted may pass through {@code failed}, so a wait for {@code deleted} ends only on
 * {@code deleted} (or a 404, CloudAPI having forgotten the machine).
 */
final class StateWaits {
  private final MachineCalls machines;
  private final ImageCalls images;
  private final Waiter waiter;

  StateWaits(MachineCalls machines, ImageCalls images, Waiter waiter) {
    this.machines = machines;
    this.images = images;
    this.waiter = waiter;
  }

  Machine waitForMachineState(String id, Set<MachineState> wanted, Duration timeout) {
    String uuid = Checks.uuid("machine id", id);
    Set<MachineState> states = wanted("machine", wanted, MachineState.UNKNOWN);
    positive(timeout);
    boolean wantsGone = states.contains(MachineState.DELETED);
    Set<String> terminal = new TreeSet<>();
    if (!wantsGone) {
      terminal.add(MachineState.DELETED.wireName());
      if (!states.contains(MachineState.FAILED)) {
        terminal.add(MachineState.FAILED.wireName());
      }
    }
    Machine machine =
        waiter
            .waitFor("machine", uuid, () -> pollMachine(uuid, wantsGone), m -> m.state().wireName())
            .until(names(states))
            .terminal(terminal.toArray(String[]::new))
            .timeout(timeout)
            .await();
    if (!states.contains(machine.state())) {
      throw machineFailed(machine, states);
    }
    return machine;
  }

  Image waitForImageState(String id, Set<ImageState> wanted, Duration timeout) {
    String uuid = Checks.uuid("image id", id);
    Set<ImageState> states = wanted("image", wanted, ImageState.UNKNOWN);
    positive(timeout);
    String[] terminal =
        states.contains(ImageState.FAILED)
            ? new String[0]
            : new String[] {ImageState.FAILED.wireName()};
    Image image =
        waiter
            .waitFor("image", uuid, () -> images.getImage(uuid, true), i -> i.state().wireName())
            .until(names(states))
            .terminal(terminal)
            .timeout(timeout)
            .await();
    if (!states.contains(image.state())) {
      throw imageFailed(image, states);
    }
    return image;
  }

  private Machine pollMachine(String uuid, boolean wantsGone) {
    try {
      return machines.getMachine(uuid, true);
    } catch (TritonApiException e) {
      if (wantsGone && e.isNotFound()) {
        return Machine.gone(uuid);
      }
      throw e;
    }
  }

  private static ResourceFailedException machineFailed(Machine m, Set<MachineState> wanted) {
    String what =
        m.state() == MachineState.DELETED
            ? " was deleted while waiting for it to reach " + names(wanted)
            : " reached state failed while waiting for "
                + names(wanted)
                + ": provisioning failed, so delete it and check the image, package and networks"
                + " it was created with";
    return new ResourceFailedException(
        m.describe() + what, "machine", m.id(), m.state().wireName(), null, null);
  }

  private static ResourceFailedException imageFailed(Image image, Set<ImageState> wanted) {
    ImageError error = image.error();
    String message =
        image.describe()
            + " failed while waiting for "
            + names(wanted)
            + ": "
            + (error == null ? "CloudAPI gave no error object" : error)
            + "; delete the failed image and make it again";
    return new ResourceFailedException(
        message,
        "image",
        image.id(),
        image.state().wireName(),
        error == null ? null : error.code(),
        error == null ? null : error.message());
  }

  private static <E extends Enum<E>> Set<E> wanted(String resource, Set<E> wanted, E unknown) {
    Objects.requireNonNull(wanted, "wanted states == null");
    if (wanted.isEmpty()) {
      throw new IllegalArgumentException(
          "no " + resource + " state to wait for: give at least one");
    }
    if (wanted.contains(unknown)) {
      throw new IllegalArgumentException(
          "cannot wait for "
              + resource
              + " state unknown: it is no state a "
              + resource
              + " reaches");
    }
    return EnumSet.copyOf(wanted);
  }

  private static void positive(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout == null");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("wait timeout " + timeout + " must be positive");
    }
  }

  private static Set<String> names(Collection<? extends Enum<?>> states) {
    return states.stream().map(s -> s.toString()).collect(Collectors.toCollection(TreeSet::new));
  }
}
