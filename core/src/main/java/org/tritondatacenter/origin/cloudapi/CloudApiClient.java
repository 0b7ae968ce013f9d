package org.tritondatacenter.origin.cloudapi;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.auth.HttpSigner;
import org.tritondatacenter.origin.auth.SigningKey;
import org.tritondatacenter.origin.http.ApiClient;
import org.tritondatacenter.origin.http.Endpoint;
import org.tritondatacenter.origin.http.HttpConfig;
import org.tritondatacenter.origin.wait.Waiter;

/**
 * A typed client for CloudAPI: one method per documented operation, under the account's own {@code
 * /<login>/} path, with {@code Accept-Version: ~9||~8}.
 *
 * <p>Every method checks its inputs (UUIDs, Manta paths, metadata keys) before sending anything and
 * throws {@link IllegalArgumentException} naming the bad value. A non-2xx answer becomes a {@link
 * org.tritondatacenter.origin.TritonApiException} carrying CloudAPI's error code, such as {@code
 * ResourceNotFound} (404), {@code ValidationFailed} (422), or {@code InvalidArgument} and {@code
 * MissingParameter} (409); a failed connection becomes a {@link
 * org.tritondatacenter.origin.TritonIoException}. Reads are retried by the HTTP layer; calls that
 * create something are not resent once they may have arrived.
 *
 * <p>Waits run on the clock and sleeper of the {@link HttpConfig}. Instances are immutable and
 * thread-safe.
 */
public final class CloudApiClient {
  /** The API versions asked for, as node-triton asks: version 9, or 8 from an older server. */
  public static final String ACCEPT_VERSION = "~9||~8";

  private final ApiClient api;
  private final ImageCalls images;
  private final MachineCalls machines;
  private final AccountCalls account;
  private final StateWaits waits;

  private CloudApiClient(ApiClient api, Waiter waiter) {
    this.api = api;
    String login = api.endpoint().login();
    this.images = new ImageCalls(api, login);
    this.machines = new MachineCalls(api, login);
    this.account = new AccountCalls(api, login);
    this.waits = new StateWaits(machines, images, waiter);
  }

  /**
   * Creates a client for a signed CloudAPI endpoint.
   *
   * @throws IllegalArgumentException when the endpoint is not CloudAPI, is anonymous, or uses
   *     {@code my} as its login (CloudAPI refuses {@code /my} in a keyId)
   */
  public static CloudApiClient create(Endpoint endpoint, HttpConfig config) {
    Objects.requireNonNull(endpoint, "endpoint == null");
    Objects.requireNonNull(config, "config == null");
    if (endpoint.service() != Service.CLOUDAPI) {
      throw new IllegalArgumentException(
          "CloudApiClient needs a CloudAPI endpoint, not " + endpoint.service() + ": " + endpoint);
    }
    if (endpoint.isAnonymous()) {
      throw new IllegalArgumentException(
          "CloudAPI needs signed requests; give the endpoint an account login and a key");
    }
    if (endpoint.login().equals("my")) {
      throw new IllegalArgumentException(
          "CloudAPI login 'my' is only a path alias and is refused in a keyId; give the account's"
              + " real login");
    }
    ApiClient api = ApiClient.create(endpoint, config, Map.of("Accept-Version", ACCEPT_VERSION));
    return new CloudApiClient(
        api, Waiter.create(config.clock(), config.sleeper(), config.listener()));
  }

  /**
   * Creates a signed CloudAPI endpoint for {@code key}: keyId {@code /<login>/keys/<md5>}, or
   * {@code /<login>/users/<subUser>/keys/<md5>} for a sub-user.
   *
   * @param signRequestTarget sign {@code (request-target) date}, as node-triton does, binding each
   *     signature to its method and path; false signs {@code date} alone
   */
  public static Endpoint signedEndpoint(
      URI url, String login, String subUser, SigningKey key, boolean signRequestTarget) {
    HttpSigner signer = HttpSigner.create(Service.CLOUDAPI, login, subUser, key, signRequestTarget);
    return Endpoint.signed(Service.CLOUDAPI, url, login, subUser, signer::authorization);
  }

  /**
   * Returns a copy whose waits poll through {@code waiter}, for another backoff or error tolerance.
   */
  public CloudApiClient withWaiter(Waiter waiter) {
    return new CloudApiClient(api, Objects.requireNonNull(waiter, "waiter == null"));
  }

  /** Returns the endpoint this client talks to. */
  public Endpoint endpoint() {
    return api.endpoint();
  }

  /** Returns the account login every path starts with. */
  public String login() {
    return api.endpoint().login();
  }

  // Images

  /** Lists active, non-Docker images visible to the account. Calls CloudAPI ListImages. */
  public List<Image> listImages() {
    return images.listImages(ImageFilter.none());
  }

  /**
   * Lists images matching {@code filter}; use {@link ImageFilter.Builder#allStates()} to see {@code
   * creating} and {@code failed} ones. Calls CloudAPI ListImages.
   */
  public List<Image> listImages(ImageFilter filter) {
    return images.listImages(Objects.requireNonNull(filter, "filter == null"));
  }

  /**
   * Returns one image, including a {@code creating} or {@code failed} placeholder of the account.
   * Calls CloudAPI GetImage; 404 {@code ResourceNotFound} when unknown or not visible.
   */
  public Image getImage(String imageId) {
    return images.getImage(imageId, false);
  }

  /**
   * Deletes an image the account owns. Calls CloudAPI DeleteImage; 422 {@code
   * ImageHasDependentImages} when another image is built on it.
   */
  public void deleteImage(String imageId) {
    images.deleteImage(imageId);
  }

  /**
   * Starts making an incremental image from a prepared, stopped machine and returns the {@code
   * creating} placeholder with the workflow job id. Calls CloudAPI CreateImageFromMachine.
   *
   * <p>This POST is not resent after a failure that may have reached the server, as a resend could
   * start a second image. To resume, look for the image by name and version with {@code
   * listImages(ImageFilter.builder().name(..).version(..).allStates().build())}.
   */
  public CreatedImage createImageFromMachine(CreateImageRequest request) {
    return images.createImageFromMachine(Objects.requireNonNull(request, "request == null"));
  }

  /**
   * Exports an image to Manta, writing {@code <name>-<version>.imgmanifest} and {@code .zfs.gz}
   * into {@code mantaPath} when it is an existing directory, or {@code <mantaPath>.imgmanifest} and
   * {@code <mantaPath>.zfs.gz} otherwise. Calls CloudAPI ExportImage.
   *
   * <p>The call blocks until IMGAPI has copied the file, which can take many minutes, so it uses
   * the long read timeout {@link HttpConfig} keeps for ExportImage. The parent directory must exist
   * (create it with Manta first); IMGAPI reports a missing one as 500 {@code InternalError}.
   *
   * @param mantaPath an absolute path under {@code /<login>/stor/} or {@code /<login>/public/};
   *     {@code ~~} and {@code /my} are refused because IMGAPI answers them with 422 {@code
   *     NotMantaPathOwner}
   */
  public ExportedImage exportImage(String imageId, String mantaPath) {
    return images.exportImage(imageId, mantaPath);
  }

  /**
   * Polls the image until its state is one of {@code wanted} and returns it. Calls CloudAPI
   * GetImage once per poll, with backoff between polls.
   *
   * @throws ResourceFailedException at once when the image is {@code failed} (and that is not
   *     wanted), with the image's {@code error} in the message
   * @throws org.tritondatacenter.origin.WaitTimeoutException at the deadline, naming the last state
   * @throws org.tritondatacenter.origin.OperationInterruptedException when the thread is
   *     interrupted; any call in flight is cancelled
   */
  public Image waitForImageState(String imageId, Set<ImageState> wanted, Duration timeout) {
    return waits.waitForImageState(imageId, wanted, timeout);
  }

  /**
   * Polls the image until it is in {@code wanted}; see {@link #waitForImageState(String, Set,
   * Duration)}.
   */
  public Image waitForImageState(String imageId, ImageState wanted, Duration timeout) {
    return waits.waitForImageState(
        imageId, Set.of(Objects.requireNonNull(wanted, "wanted == null")), timeout);
  }

  // Packages, networks, services and keys

  /** Lists every package the account may use. Calls CloudAPI ListPackages. */
  public List<Package> listPackages() {
    return account.listPackages(PackageFilter.none());
  }

  /** Lists the packages matching {@code filter}. Calls CloudAPI ListPackages. */
  public List<Package> listPackages(PackageFilter filter) {
    return account.listPackages(Objects.requireNonNull(filter, "filter == null"));
  }

  /** Returns a package by UUID or name. Calls CloudAPI GetPackage. */
  public Package getPackage(String idOrName) {
    return account.getPackage(idOrName);
  }

  /** Lists the networks and network pools the account may use. Calls CloudAPI ListNetworks. */
  public List<Network> listNetworks() {
    return account.listNetworks();
  }

  /** Returns one network. Calls CloudAPI GetNetwork. */
  public Network getNetwork(String networkId) {
    return account.getNetwork(networkId);
  }

  /**
   * Returns the datacenter's service URLs; a {@code manta} entry is present only when the operator
   * configured one. Calls CloudAPI ListServices.
   */
  public Services listServices() {
    return account.listServices();
  }

  /** Lists the SSH keys registered on the account. Calls CloudAPI ListKeys. */
  public List<SshKey> listKeys() {
    return account.listKeys();
  }

  /** Returns one key by name or MD5 fingerprint. Calls CloudAPI GetKey. */
  public SshKey getKey(String nameOrFingerprint) {
    return account.getKey(nameOrFingerprint);
  }

  // Machines

  /**
   * Starts provisioning a machine and returns it in state {@code provisioning}. Calls CloudAPI
   * CreateMachine, with metadata and tags sent as flat {@code metadata.<key>} and {@code tag.<key>}
   * fields.
   *
   * <p>Not idempotent: it is not resent after a failure that may have reached the server, as a
   * resend would provision a second machine. Tag the machine uniquely and look for it with {@link
   * #listMachines(MachineFilter)} before trying again.
   */
  public Machine createMachine(CreateMachineRequest request) {
    return machines.createMachine(Objects.requireNonNull(request, "request == null"));
  }

  /**
   * Returns one machine. Calls CloudAPI GetMachine. 410 Gone is a normal answer here: it returns
   * the destroyed machine in state {@code deleted}. 404 {@code ResourceNotFound} when unknown.
   */
  public Machine getMachine(String machineId) {
    return machines.getMachine(machineId, false);
  }

  /**
   * Lists every machine matching {@code filter}, following pages of 1000 until a short page. Calls
   * CloudAPI ListMachines once per page.
   */
  public List<Machine> listMachines(MachineFilter filter) {
    return machines.listAllMachines(Objects.requireNonNull(filter, "filter == null"));
  }

  /**
   * Lists one page of machines matching {@code filter}. Calls CloudAPI ListMachines.
   *
   * @param offset how many matching machines to skip, 0 or more
   * @param limit the page size, 1 to 1000
   */
  public MachinePage listMachines(MachineFilter filter, int offset, int limit) {
    return machines.listMachines(Objects.requireNonNull(filter, "filter == null"), offset, limit);
  }

  /**
   * Asks a machine to stop; it answers 202 at once, so wait for {@code stopped} afterwards. Calls
   * CloudAPI StopMachine ({@code action=stop}).
   */
  public void stopMachine(String machineId) {
    machines.stopMachine(machineId);
  }

  /**
   * Starts destroying a machine. Calls CloudAPI DeleteMachine.
   *
   * @return true when a destroy was started (or was already running), false when CloudAPI answered
   *     410 Gone because the machine is already destroyed; both mean the machine is going away
   */
  public boolean deleteMachine(String machineId) {
    return machines.deleteMachine(machineId);
  }

  /**
   * Returns one metadata value of a machine as a string. Calls CloudAPI GetMachineMetadata.
   *
   * @return the value, or empty when CloudAPI answers 404; CloudAPI uses the same 404 {@code
   *     ResourceNotFound} for a missing key and an unknown machine, so call {@link #getMachine}
   *     first when the machine itself may be wrong
   */
  public Optional<String> getMachineMetadata(String machineId, String key) {
    return machines.getMachineMetadata(machineId, key);
  }

  /** Returns a machine's customer metadata. Calls CloudAPI ListMachineMetadata. */
  public Map<String, String> listMachineMetadata(String machineId) {
    return machines.listMachineMetadata(machineId);
  }

  /** Returns a machine's tags. Calls CloudAPI ListMachineTags. */
  public Map<String, Object> listMachineTags(String machineId) {
    return machines.listMachineTags(machineId);
  }

  /**
   * Polls the machine until its state is one of {@code wanted} and returns it. Calls CloudAPI
   * GetMachine once per poll, with backoff between polls. A wait for {@code deleted} also ends on
   * 410 Gone or 404; in the 404 case the machine returned holds only its id.
   *
   * @throws ResourceFailedException at once when the machine is {@code failed}, or {@code deleted}
   *     while waiting for anything else
   * @throws org.tritondatacenter.origin.WaitTimeoutException at the deadline, naming the last state
   * @throws org.tritondatacenter.origin.OperationInterruptedException when the thread is
   *     interrupted; any call in flight is cancelled
   */
  public Machine waitForMachineState(String machineId, Set<MachineState> wanted, Duration timeout) {
    return waits.waitForMachineState(machineId, wanted, timeout);
  }

  /**
   * Polls the machine until it is in {@code wanted}; see {@link #waitForMachineState(String, Set,
   * Duration)}.
   */
  public Machine waitForMachineState(String machineId, MachineState wanted, Duration timeout) {
    return waits.waitForMachineState(
        machineId, Set.of(Objects.requireNonNull(wanted, "wanted == null")), timeout);
  }

  @Override
  public String toString() {
    return "CloudApiClient[" + api.endpoint() + "]";
  }
}
