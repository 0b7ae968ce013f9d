package org.tritondatacenter.origin.cloudapi;

import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.http.ApiResponse;
import org.tritondatacenter.origin.http.Json;

/** Reads the body of GetMachine's 410 Gone answer: the destroyed machine, or nothing. */
final class GoneMachines {
  /** A machine's JSON is a few KiB; anything far larger is not one. */
  private static final int MAX_BODY = 1 << 20;

  private GoneMachines() {}

  /**
   * Returns the machine in the body in state {@code deleted} whatever state it names, since 410
   * itself says it is gone; an empty body gives a machine with only its id.
   */
  static Machine read(String id, ApiResponse response) {
    byte[] body;
    try {
      body = response.body().readNBytes(MAX_BODY);
    } catch (IOException e) {
      throw new TritonIoException(
          "CloudAPI GetMachine: reading the 410 answer for machine " + id + " failed: " + e, e);
    }
    if (new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      return Machine.gone(id);
    }
    try {
      Machine machine = Json.mapper().readValue(body, Machine.class);
      return (machine.id() == null ? Machine.gone(id) : machine).withState(MachineState.DELETED);
    } catch (JacksonException e) {
      throw new TritonIoException(
          "CloudAPI GetMachine answered 410 Gone for machine "
              + id
              + " with a body that is not a machine: "
              + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new TritonIoException(
          "CloudAPI GetMachine: reading the 410 answer for machine " + id + " failed: " + e, e);
    }
  }
}
