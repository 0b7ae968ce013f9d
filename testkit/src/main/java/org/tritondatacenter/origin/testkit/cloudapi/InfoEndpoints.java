package org.tritondatacenter.origin.testkit.cloudapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.SimulatorContext;
import org.tritondatacenter.origin.testkit.http.ApiError;

/** The ping, packages, networks and ListServices. */
final class InfoEndpoints {
  private static final List<String> PACKAGE_FILTERS =
      List.of("name", "memory", "disk", "swap", "lwps", "vcpus", "version", "group");

  private final SimulatorContext context;
  private final CloudState state;

  InfoEndpoints(SimulatorContext context, CloudState state) {
    this.context = context;
    this.state = state;
  }

  void register(CloudRoutes routes) {
    routes
        .open("GET", "/--ping", "Ping", this::ping)
        .route("GET", "/:login/packages", "ListPackages", this::listPackages)
        .route("GET", "/:login/packages/:id", "GetPackage", this::getPackage)
        .route("GET", "/:login/networks", "ListNetworks", this::listNetworks)
        .route("GET", "/:login/networks/:id", "GetNetwork", this::getNetwork)
        .route("GET", "/:login/services", "ListServices", this::listServices);
  }

  private void ping(Call call) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ping", "pong");
    body.put(
        "cloudapi",
        Map.of("versions", ApiVersion.SUPPORTED.stream().map(ApiVersion::toString).toList()));
    call.send(200, body);
  }

  private void listPackages(Call call) {
    List<Map<String, Object>> out =
        state.packages().stream().map(PackageRecord::toJson).filter(p -> matches(call, p)).toList();
    call.send(200, out);
  }

  /** Applies ListPackages' filters; string filters take {@code *} wildcards ({@code g4-*}). */
  private static boolean matches(Call call, Map<String, Object> pkg) {
    for (String filter : PACKAGE_FILTERS) {
      String wanted = call.params().string(filter);
      if (wanted != null && !wildcard(wanted).matcher(String.valueOf(pkg.get(filter))).matches()) {
        return false;
      }
    }
    return true;
  }

  private static Pattern wildcard(String value) {
    String[] parts = value.split("\\*", -1);
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(parts[i]));
    }
    return Pattern.compile(regex.toString());
  }

  private void getPackage(Call call) {
    PackageRecord pkg = state.pkg(call.pathParam("id"));
    if (pkg == null) {
      throw ApiError.notFound("ResourceNotFound", "package " + call.pathParam("id") + " not found");
    }
    call.send(200, pkg.toJson());
  }

  private void listNetworks(Call call) {
    call.send(200, state.networks().stream().map(NetworkRecord::toJson).toList());
  }

  private void getNetwork(Call call) {
    NetworkRecord network = state.network(call.pathParam("id"));
    if (network == null) {
      throw ApiError.notFound("ResourceNotFound", "network " + call.pathParam("id") + " not found");
    }
    call.send(200, network.toJson());
  }

  private void listServices(Call call) {
    Map<String, Object> services = new LinkedHashMap<>();
    services.put("cloudapi", context.server().url(LocalTriton.CLOUDAPI).toString());
    String manta = mantaUrl(context);
    if (state.servicesManta() && manta != null) {
      services.put("manta", manta);
    }
    call.send(200, services);
  }

  /** Returns the local Manta's URL, or null when no Manta endpoint is running. */
  static String mantaUrl(SimulatorContext context) {
    try {
      return context.server().url(LocalTriton.MANTA).toString();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
