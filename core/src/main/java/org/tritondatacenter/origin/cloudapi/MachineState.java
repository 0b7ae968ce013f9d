package org.tritondatacenter.origin.cloudapi;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import java.util.Locale;

/**
 * The {@code state} of a CloudAPI machine, as CloudAPI translates it from VMAPI's states.
 *
 * <p>{@link #UNKNOWN} stands both for CloudAPI's own {@code unknown} and for any value a newer
 * server may add, so decoding never fails on a state.
 */
public enum MachineState {
  /** Being created (VMAPI configured, incomplete, unavailable or provisioning). */
  PROVISIONING,
  /** Briefly seen during a reboot. */
  READY,
  /** Running: the state a new machine should reach. */
  RUNNING,
  /** Shutting down. */
  STOPPING,
  /** Stopped: the state CreateImageFromMachine wants. */
  STOPPED,
  /** Its compute node cannot be reached. */
  OFFLINE,
  /** Destroyed; GetMachine answers 410 Gone with the machine in this state. */
  DELETED,
  /** Provisioning failed; the machine will never run. */
  FAILED,
  /** CloudAPI's {@code unknown}, or a state this client does not know. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /** Returns the state as CloudAPI spells it, such as {@code running}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return wireName();
  }
}
