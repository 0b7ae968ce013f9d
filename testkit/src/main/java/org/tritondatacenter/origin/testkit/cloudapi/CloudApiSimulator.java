package org.tritondatacenter.origin.testkit.cloudapi;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.SimulatorContext;
import org.tritondatacenter.origin.testkit.cloudapi.guest.GuestControl;
import org.tritondatacenter.origin.testkit.http.AuthProvider;
import org.tritondatacenter.origin.testkit.http.ServiceHandler;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.manta.MantaStore;

/**
 * The simulated CloudAPI service (apis.md §2): images, packages, networks, machines with their
 * state machine and metadata, CreateImageFromMachine, ExportImage into the local Manta, and
 * ListServices. Machines run a {@linkplain #guest() simulated guest}. Every duration is measured on
 * the options' simulation clock and evaluated when asked, so a test with a manual clock steps
 * through provisioning, the guest's script and image creation at will.
 */
public final class CloudApiSimulator {
  /** The CloudAPI server version it presents ({@code Server: cloudapi/9.15.0}). */
  public static final String VERSION = "9.15.0";

  /** The owner of the seeded public images, standing in for the operator's admin account. */
  public static final String ADMIN_UUID = CloudState.uuidFor("admin");

  /** The simulated compute node's platform stamp, newer than any seeded origin image's. */
  public static final String DEFAULT_PLATFORM = "20250101T000000Z";

  private final SimulatorContext context;
  private final CloudState state = new CloudState();
  private final GuestControl guest;
  private final ServiceHandler handler;

  /** Creates the service; ExportImage writes into {@code manta}. */
  public CloudApiSimulator(SimulatorContext context, MantaStore manta) {
    this.context = Objects.requireNonNull(context, "context == null");
    this.guest = new GuestControl(context.options().catalogue());
    String computeNode = CloudState.uuidFor("compute-node-0");
    CloudRoutes routes = new CloudRoutes(context);
    new InfoEndpoints(context, state).register(routes);
    new AccountEndpoints(context).register(routes);
    new ImageEndpoints(
            state,
            new CreateImageFromMachine(context, state),
            new ExportImage(context, Objects.requireNonNull(manta, "manta == null")))
        .register(routes);
    new MachineEndpoints(state, new CreateMachine(context, state, guest, computeNode))
        .register(routes);
    new MachineDataEndpoints(state).register(routes);
    this.handler =
        new ServiceHandler(
                LocalTriton.CLOUDAPI,
                ServiceKind.CLOUDAPI,
                routes.router(),
                context.auth().authenticator(ServiceKind.CLOUDAPI))
            .responseHeader("Server", "cloudapi/" + VERSION)
            .responseHeader("Triton-Datacenter-Name", "testkit-1");
  }

  /** Returns the endpoint to add to the server. */
  public ServiceHandler handler() {
    return handler;
  }

  /** Returns the UUID of an account login, as image {@code owner} fields show it. */
  public static String accountUuid(String login) {
    // The same derivation as the identities' own, so CloudAPI and IMGAPI agree on owners.
    return AuthProvider.derivedAccountUuid(login).toString();
  }

  /** Returns the UUID of the local Triton's account. */
  public String accountUuid() {
    return accountUuid(context.options().account());
  }

  /** Returns the simulated guests' controls: behaviours, catalogue, audit report. */
  public GuestControl guest() {
    return guest;
  }

  /**
   * Returns the machines that were created and never deleted, for the leak report: each as its id,
   * name and {@code triton-origin.build} tag.
   */
  public List<String> undeletedMachines() {
    return state.machines().stream()
        .filter(SimMachine::undeleted)
        .map(SimMachine::describe)
        .toList();
  }

  /** Returns every machine ever created, deleted ones included, as GetMachine shows it now. */
  public List<Map<String, Object>> machines() {
    Instant now = context.simNow();
    return state.machines().stream().map(m -> m.toJson(now)).toList();
  }

  /** Returns every image's full IMGAPI manifest as of now. */
  public List<Map<String, Object>> images() {
    Instant now = context.simNow();
    return state.images().stream().map(i -> i.manifest(now)).toList();
  }

  /** Returns every package as ListPackages shows it. */
  public List<Map<String, Object>> packages() {
    return state.packages().stream().map(PackageRecord::toJson).toList();
  }

  /** Returns every network as ListNetworks shows it. */
  public List<Map<String, Object>> networks() {
    return state.networks().stream().map(NetworkRecord::toJson).toList();
  }

  /**
   * Adds an image directly, as the operator imported it: an origin image. Missing fields default to
   * an active, public, version-2 manifest owned by {@link #ADMIN_UUID}.
   *
   * @param manifest a full IMGAPI manifest with at least {@code uuid}, {@code name} and {@code
   *     version}
   */
  public void seedImage(Map<String, Object> manifest) {
    for (String field : List.of("uuid", "name", "version")) {
      if (!(manifest.get(field) instanceof String)) {
        throw new IllegalArgumentException("image manifest needs a string '" + field + "'");
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("v", 2);
    m.putAll(manifest);
    m.putIfAbsent("owner", ADMIN_UUID);
    m.putIfAbsent("state", "active");
    m.putIfAbsent("disabled", false);
    m.putIfAbsent("public", true);
    m.putIfAbsent("type", "zone-dataset");
    m.putIfAbsent("os", "smartos");
    m.putIfAbsent("published_at", Timestamps.format(context.simNow()));
    state.addImage(SimImage.seeded(m));
  }

  /**
   * Adds a package and returns its id (stable for a name). Swap is twice the memory, as in the
   * sample packages.
   */
  public String addPackage(String name, long memoryMb, long diskMb) {
    Objects.requireNonNull(name, "name == null");
    if (memoryMb <= 0 || diskMb <= 0) {
      throw new IllegalArgumentException(
          "package " + name + " needs a positive memory and disk (MiB)");
    }
    String id = CloudState.uuidFor("package " + name);
    state.addPackage(
        new PackageRecord(
            id,
            name,
            memoryMb,
            diskMb,
            memoryMb * 2,
            4000,
            0,
            "1.0.0",
            "sample",
            "Sample " + memoryMb + " MiB package"));
    return id;
  }

  /**
   * Adds a network and returns its id (stable for a name). The first public network takes addresses
   * from 203.0.113.0/24 (TEST-NET-3), other public ones from 100.64.n.0/24 and private ones from
   * 10.88.n.0/24.
   */
  public String addNetwork(String name, boolean isPublic) {
    Objects.requireNonNull(name, "name == null");
    String id = CloudState.uuidFor("network " + name);
    int n = state.networks().size();
    boolean firstPublic = isPublic && state.networks().stream().noneMatch(NetworkRecord::isPublic);
    String prefix = firstPublic ? "203.0.113" : (isPublic ? "100.64." : "10.88.") + (n % 250);
    state.addNetwork(
        new NetworkRecord(
            id, name, isPublic, prefix, (isPublic ? "Public" : "Private") + " network " + name));
    return id;
  }

  /** Sets whether ListServices names the local Manta (a real operator may leave it out). */
  public void listServicesIncludesManta(boolean include) {
    state.servicesManta(include);
  }

  /** Sets the compute node's platform stamp, which images made from machines require. */
  public void computeNodePlatform(String stamp) {
    state.platform(Objects.requireNonNull(stamp, "stamp == null"));
  }

  /** Returns the compute node's platform stamp, such as {@code 20250101T000000Z}. */
  public String computeNodePlatform() {
    return state.platform();
  }

  /**
   * Makes the next CreateImageFromMachine job fail: the image goes from {@code creating} to {@code
   * failed} with this error. CloudAPI shows codes other than {@code PrepareImageDidNotRun}, {@code
   * VmHasNoOrigin} and {@code NotSupported} as {@code InternalError}.
   */
  public void failNextImageCreation(String code, String message) {
    state.queueImageFailure(
        Objects.requireNonNull(code, "code == null"),
        Objects.requireNonNull(message, "message == null"));
  }

  /** Makes the creation job of an image still {@code creating} fail with this error. */
  public void failImageCreation(String imageId, String code, String message) {
    SimImage image = state.image(imageId);
    if (image == null) {
      throw new IllegalArgumentException("no image " + imageId);
    }
    if (!image.fail(code, message, context.simNow())) {
      throw new IllegalStateException(
          "image " + imageId + " is " + image.state(context.simNow()) + ", no longer creating");
    }
  }
}
