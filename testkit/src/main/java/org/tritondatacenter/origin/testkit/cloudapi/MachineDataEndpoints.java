package org.tritondatacenter.origin.testkit.cloudapi;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tritondatacenter.origin.testkit.http.ApiError;
import org.tritondatacenter.origin.testkit.http.Json;

/** Machine metadata (list, get, update, delete) and tags (list, get). */
final class MachineDataEndpoints {
  private final CloudState state;

  MachineDataEndpoints(CloudState state) {
    this.state = state;
  }

  void register(CloudRoutes routes) {
    String md = "/:login/machines/:id/metadata";
    String tags = "/:login/machines/:id/tags";
    routes
        .route("GET", md, "ListMachineMetadata", this::listMetadata)
        .route("POST", md, "UpdateMachineMetadata", this::updateMetadata)
        .route("DELETE", md, "DeleteAllMachineMetadata", c -> deleteMetadata(c, null))
        .route("GET", md + "/:key", "GetMachineMetadata", this::getMetadata)
        .route(
            "DELETE",
            md + "/:key",
            "DeleteMachineMetadata",
            c -> deleteMetadata(c, c.pathParam("key")))
        .route("GET", tags, "ListMachineTags", this::listTags)
        .route("GET", tags + "/:tag", "GetMachineTag", this::getTag);
  }

  private void listMetadata(Call call) {
    call.send(200, MachineEndpoints.live(state, call).metadata(call.now()));
  }

  private void updateMetadata(Call call) {
    SimMachine machine = MachineEndpoints.live(state, call);
    Map<String, String> values = new LinkedHashMap<>();
    call.params().all().forEach((k, v) -> values.put(k, v instanceof String s ? s : Json.write(v)));
    machine.putMetadata(values, call.now());
    call.send(200, machine.metadata(call.now()));
  }

  private void getMetadata(Call call) {
    String key = call.pathParam("key");
    String value = MachineEndpoints.live(state, call).metadata(call.now()).get(key);
    if (value == null) {
      throw ApiError.notFound("ResourceNotFound", "metadata key " + key + " not found");
    }
    call.sendValue(value);
  }

  private void deleteMetadata(Call call, String key) {
    MachineEndpoints.live(state, call).deleteMetadata(key, call.now());
    call.exchange().sendEmpty(204);
  }

  private void listTags(Call call) {
    call.send(200, MachineEndpoints.live(state, call).tags());
  }

  private void getTag(Call call) {
    String tag = call.pathParam("tag");
    Object value = MachineEndpoints.live(state, call).tags().get(tag);
    if (value == null) {
      throw ApiError.notFound("ResourceNotFound", "tag " + tag + " not found");
    }
    call.sendValue(value);
  }
}
