package org.tritondatacenter.origin.cloudapi;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.http.ApiClient;
import org.tritondatacenter.origin.http.ApiRequest;
import org.tritondatacenter.origin.http.ApiResponse;
import org.tritondatacenter.origin.http.RetryPolicy;

/** The machine operations of CloudAPI, under {@code /<login>/machines}. */
final class MachineCalls {
  static final int MAX_LIMIT = 1000;

  private static final TypeReference<List<Machine>> MACHINES = new TypeReference<>() {};
  private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {};
  private static final TypeReference<Map<String, Object>> TAGS = new TypeReference<>() {};

  private final ApiClient api;
  private final String login;

  MachineCalls(ApiClient api, String login) {
    this.api = api;
    this.login = login;
  }

  Machine createMachine(CreateMachineRequest machine) {
    // Not idempotent: a resent POST provisions a second machine, so the HTTP layer resends it
    // only when it cannot have arrived (refused connection, throttling).
    ApiRequest request =
        ApiRequest.post("CreateMachine").path(login, "machines").jsonBody(machine.body()).build();
    return api.call(request, Machine.class);
  }

  /**
   * Fetches one machine; 410 Gone is CloudAPI's normal answer for a destroyed machine and carries
   * it. A poll gets no retries of its own, as in {@link ImageCalls#getImage}.
   */
  Machine getMachine(String id, boolean poll) {
    String uuid = Checks.uuid("machine id", id);
    ApiRequest.Builder request =
        ApiRequest.get("GetMachine").path(login, "machines", uuid).acceptStatus(410);
    if (poll) {
      request.retryPolicy(RetryPolicy.none());
    }
    try (ApiResponse response = api.open(request.build())) {
      if (response.status() == 410) {
        return GoneMachines.read(uuid, response);
      }
      return response.decode(Machine.class);
    }
  }

  MachinePage listMachines(MachineFilter filter, int offset, int limit) {
    ApiRequest.Builder request = ApiRequest.get("ListMachines").path(login, "machines");
    filter.addTo(request);
    request.query("limit", Checks.limit(limit)).query("offset", Checks.offset(offset));
    try (ApiResponse response = api.open(request.build())) {
      long count = parseCount(response.header("x-resource-count"));
      return new MachinePage(response.decode(MACHINES), offset, limit, count);
    }
  }

  List<Machine> listAllMachines(MachineFilter filter) {
    List<Machine> all = new ArrayList<>();
    MachinePage page = listMachines(filter, 0, MAX_LIMIT);
    all.addAll(page.machines());
    while (page.hasMore()) {
      String firstOfLast = page.machines().get(0).id();
      page = listMachines(filter, page.nextOffset(), MAX_LIMIT);
      if (!page.machines().isEmpty() && firstOfLast.equals(page.machines().get(0).id())) {
        // A server that ignores offset would otherwise be asked for the same page forever.
        throw new TritonIoException(
            "CloudAPI ListMachines returned the same page for offset "
                + page.offset()
                + " as before; the server seems to ignore offset, so the list cannot be completed");
      }
      all.addAll(page.machines());
    }
    return List.copyOf(all);
  }

  void stopMachine(String id) {
    String uuid = Checks.uuid("machine id", id);
    // Asking a stopping machine to stop again changes nothing, so a resend is safe.
    api.send(
        ApiRequest.post("StopMachine")
            .path(login, "machines", uuid)
            .query("action", "stop")
            .idempotent(true)
            .build());
  }

  boolean deleteMachine(String id) {
    String uuid = Checks.uuid("machine id", id);
    ApiRequest request =
        ApiRequest.delete("DeleteMachine").path(login, "machines", uuid).acceptStatus(410).build();
    try (ApiResponse response = api.open(request)) {
      return response.status() != 410;
    }
  }

  Optional<String> getMachineMetadata(String id, String key) {
    String uuid = Checks.uuid("machine id", id);
    String name = Checks.text("metadata key", key);
    ApiRequest request =
        ApiRequest.get("GetMachineMetadata")
            .path(login, "machines", uuid, "metadata", name)
            .build();
    try (ApiResponse response = api.open(request)) {
      return Optional.of(MetadataValues.read(response));
    } catch (TritonApiException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  Map<String, String> listMachineMetadata(String id) {
    String uuid = Checks.uuid("machine id", id);
    return Copies.map(
        api.call(
            ApiRequest.get("ListMachineMetadata").path(login, "machines", uuid, "metadata").build(),
            METADATA));
  }

  Map<String, Object> listMachineTags(String id) {
    String uuid = Checks.uuid("machine id", id);
    return Copies.map(
        api.call(
            ApiRequest.get("ListMachineTags").path(login, "machines", uuid, "tags").build(), TAGS));
  }

  private static long parseCount(String header) {
    if (header == null) {
      return -1;
    }
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
