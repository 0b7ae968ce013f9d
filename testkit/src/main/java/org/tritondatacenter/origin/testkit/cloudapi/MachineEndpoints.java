package org.tritondatacenter.origin.testkit.cloudapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tritondatacenter.origin.testkit.http.ApiError;

/** ListMachines, CreateMachine, GetMachine, StopMachine and DeleteMachine. */
final class MachineEndpoints {
  private static final int MAX_LIMIT = 1000;
  private static final List<String> FILTERS = List.of("name", "state", "image", "brand", "memory");

  private final CloudState state;
  private final CreateMachine create;

  MachineEndpoints(CloudState state, CreateMachine create) {
    this.state = state;
    this.create = create;
  }

  void register(CloudRoutes routes) {
    routes
        .route("GET", "/:login/machines", "ListMachines", c -> list(c, false))
        .route("HEAD", "/:login/machines", "ListMachines", c -> list(c, true))
        .route("POST", "/:login/machines", "CreateMachine", create::handle)
        .route("GET", "/:login/machines/:id", "GetMachine", this::get)
        .route("POST", "/:login/machines/:id", e -> operation(Params.action(e)), this::action)
        .route("DELETE", "/:login/machines/:id", "DeleteMachine", this::delete);
  }

  private static String operation(String action) {
    if (action == null) {
      return "MachineAction";
    }
    return switch (action) {
      case "stop" -> "StopMachine";
      case "start" -> "StartMachine";
      case "reboot" -> "RebootMachine";
      default -> "MachineAction";
    };
  }

  private void list(Call call, boolean headOnly) {
    Params p = call.params();
    int limit = p.integer("limit", MAX_LIMIT, 1, MAX_LIMIT);
    int offset = p.integer("offset", 0, 0, Integer.MAX_VALUE);
    boolean allTagged = "*".equals(p.string("tags"));
    List<Map<String, Object>> matching = new ArrayList<>();
    for (SimMachine machine : state.machines()) {
      Map<String, Object> json = machine.toJson(call.now());
      if (json.get("state").equals("deleted")) {
        continue;
      }
      boolean keep = allTagged ? !machine.tags().isEmpty() : matches(p, json, machine);
      if (keep) {
        matching.add(json);
      }
    }
    call.exchange().responseHeader("x-resource-count", Integer.toString(matching.size()));
    call.exchange().responseHeader("x-query-limit", Integer.toString(limit));
    if (headOnly) {
      call.exchange().sendEmpty(200);
      return;
    }
    int from = Math.min(offset, matching.size());
    call.send(200, matching.subList(from, Math.min(matching.size(), from + limit)));
  }

  /** Applies the field filters and every {@code tag.<name>=<value>} filter, ANDed. */
  private static boolean matches(Params p, Map<String, Object> json, SimMachine machine) {
    for (String filter : FILTERS) {
      String wanted = p.string(filter);
      if (wanted != null && !wanted.equals(String.valueOf(json.get(filter)))) {
        return false;
      }
    }
    Map<String, Object> tags = machine.tags();
    for (Map.Entry<String, Object> e : p.all().entrySet()) {
      if (e.getKey().startsWith("tag.")) {
        Object actual = tags.get(e.getKey().substring(4));
        if (actual == null || !String.valueOf(actual).equals(String.valueOf(e.getValue()))) {
          return false;
        }
      }
    }
    return true;
  }

  private void get(Call call) {
    call.send(200, live(state, call).toJson(call.now()));
  }

  private void action(Call call) {
    String action = call.params().string("action");
    if (action == null) {
      throw ApiError.conflict("MissingParameter", "action is a required parameter");
    }
    SimMachine machine = live(state, call);
    if (!action.equals("stop")) {
      throw ApiError.conflict(
          "InvalidArgument", "action " + action + " is not supported; use action=stop");
    }
    String current = machine.state(call.now());
    if (machine.deleting(call.now())) {
      throw ApiError.conflict("InvalidState", "machine " + machine.id() + " is being deleted");
    }
    switch (current) {
      case "running" -> machine.requestStop(call.now());
      case "stopping", "stopped" -> {
        // Already stopping or stopped: accepted again, as a retried request should be.
      }
      default ->
          throw ApiError.conflict(
              "InvalidState",
              "machine " + machine.id() + " is " + current + "; only a running machine stops");
    }
    call.exchange().sendEmpty(202);
  }

  private void delete(Call call) {
    SimMachine machine = live(state, call);
    machine.requestDelete(call.now());
    call.exchange().sendEmpty(204);
  }

  /** Returns the machine in the path, throwing 404 when unknown and 410 (with it) when deleted. */
  static SimMachine live(CloudState state, Call call) {
    String id = call.pathParam("id");
    SimMachine machine = state.machine(id);
    if (machine == null) {
      throw ApiError.notFound("ResourceNotFound", "machine " + id + " not found");
    }
    Map<String, Object> json = machine.toJson(call.now());
    if (json.get("state").equals("deleted")) {
      throw new Gone(json);
    }
    return machine;
  }
}
