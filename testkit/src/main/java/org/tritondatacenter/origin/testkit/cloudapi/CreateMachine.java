package org.tritondatacenter.origin.testkit.cloudapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tritondatacenter.origin.testkit.SimulatorContext;
import org.tritondatacenter.origin.testkit.cloudapi.guest.GuestControl;
import org.tritondatacenter.origin.testkit.cloudapi.guest.GuestRun;
import org.tritondatacenter.origin.testkit.http.ApiError;
import org.tritondatacenter.origin.testkit.http.Json;

/**
 * CreateMachine ({@code POST /:login/machines}). Metadata and tags come only from flat top-level
 * {@code metadata.<key>} and {@code tag.<key>} fields (lib/machines.js {@code MD_RE}, {@code
 * TAG_RE}); nested {@code metadata} or {@code tags} objects are ignored, as the real service
 * ignores them, and metadata keys ending in {@code _pw} are dropped.
 */
final class CreateMachine {
  private static final Pattern MD_RE = Pattern.compile("^metadata\\.(\\w.*)$");
  private static final Pattern TAG_RE = Pattern.compile("^tag\\.(.+)$");
  private static final Pattern ALIAS = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,188}");
  private static final Pattern UUID_RE =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final SimulatorContext context;
  private final CloudState state;
  private final GuestControl guest;
  private final String computeNode;

  CreateMachine(
      SimulatorContext context, CloudState state, GuestControl guest, String computeNode) {
    this.context = context;
    this.state = state;
    this.guest = guest;
    this.computeNode = computeNode;
  }

  void handle(Call call) {
    Params p = call.params();
    String imageId = p.required("image");
    if (!UUID_RE.matcher(imageId).matches()) {
      throw Params.invalid("image", imageId, "an image UUID");
    }
    SimImage image = state.image(imageId);
    if (image == null || !image.visibleTo(CloudApiSimulator.accountUuid(call.login()))) {
      throw ApiError.notFound("ResourceNotFound", "image " + imageId + " not found");
    }
    String imageState = image.state(call.now());
    if (!imageState.equals("active")) {
      throw ApiError.conflict(
          "InvalidArgument", "image " + imageId + " is " + imageState + ", not active");
    }
    String packageRef = p.required("package");
    PackageRecord pkg = state.pkg(packageRef);
    if (pkg == null) {
      throw ApiError.notFound("ResourceNotFound", "package " + packageRef + " not found");
    }
    List<NetworkRecord> networks = networks(p.raw("networks"));

    String id = UUID.randomUUID().toString();
    String shortId = id.substring(0, 8);
    String name =
        p.string("name") == null ? shortId : p.string("name").replace("{{shortId}}", shortId);
    if (!ALIAS.matcher(name).matches()) {
      throw Params.invalid(
          "name", name, "1-189 letters, digits, '_', '.' or '-', starting with a letter or digit");
    }
    SimMachine clash = state.liveMachineNamed(name, call.now());
    if (clash != null) {
      throw nameInUse(name, clash);
    }

    Map<String, String> metadata = new LinkedHashMap<>();
    Map<String, Object> tags = new LinkedHashMap<>();
    p.all()
        .forEach(
            (key, value) -> {
              Matcher md = MD_RE.matcher(key);
              Matcher tag = TAG_RE.matcher(key);
              if (md.matches() && !md.group(1).endsWith("_pw")) {
                metadata.put(md.group(1), value instanceof String s ? s : Json.write(value));
              } else if (tag.matches()) {
                tags.put(tag.group(1), value);
              }
            });

    GuestRun run =
        guest.start(id, name, metadata.get("user-script"), context.options().timings().guestStep());
    SimMachine machine =
        new SimMachine(
            id,
            name,
            imageId,
            pkg,
            nics(networks),
            computeNode,
            call.now(),
            context.options().timings(),
            metadata,
            tags,
            run);
    clash = state.addMachineIfNameFree(machine, call.now());
    if (clash != null) {
      throw nameInUse(name, clash);
    }
    call.exchange().responseHeader("Location", "/" + call.login() + "/machines/" + id);
    call.send(201, machine.toJson(call.now()));
  }

  private static ApiError nameInUse(String name, SimMachine clash) {
    return ApiError.conflict(
        "InvalidArgument", "name " + name + " is already used by machine " + clash.id());
  }

  /** Resolves {@code networks}: UUID strings, {ipv4_uuid} objects, or the default networks. */
  private List<NetworkRecord> networks(Object raw) {
    if (raw == null) {
      // Without networks CloudAPI picks one external and one internal network.
      List<NetworkRecord> out = new ArrayList<>();
      state.networks().stream().filter(NetworkRecord::isPublic).findFirst().ifPresent(out::add);
      state.networks().stream().filter(n -> !n.isPublic()).findFirst().ifPresent(out::add);
      return out;
    }
    List<Object> entries = new ArrayList<>();
    if (raw instanceof List<?> list) {
      entries.addAll(list);
    } else {
      entries.addAll(List.of(raw.toString().split(",")));
    }
    List<NetworkRecord> out = new ArrayList<>();
    for (Object entry : entries) {
      Object id = entry instanceof Map<?, ?> m ? m.get("ipv4_uuid") : entry;
      NetworkRecord network = id == null ? null : state.network(id.toString().trim());
      if (network == null) {
        throw Params.invalid("networks", String.valueOf(id), "the id of an existing network");
      }
      out.add(network);
    }
    return out;
  }

  private List<SimMachine.Nic> nics(List<NetworkRecord> networks) {
    int index = state.nextAddress();
    List<SimMachine.Nic> nics = new ArrayList<>();
    for (int i = 0; i < networks.size(); i++) {
      NetworkRecord n = networks.get(i);
      String mac =
          String.format("90:b8:d0:%02x:%02x:%02x", (index >> 8) & 0xff, index & 0xff, i & 0xff);
      nics.add(new SimMachine.Nic(n.address(index), mac, i == 0, n));
    }
    return nics;
  }
}
