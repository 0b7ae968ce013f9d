package io.jenkins.plugins.tritonorigin;

import hudson.FilePath;
import hudson.model.Computer;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import java.io.IOException;
import java.lang.ref.Reference;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.state.RunRecordStore;
import org.tritondatacenter.origin.steps.Step;

/**
 * The controller's half of an operation running on an agent: it answers the agent's requests for
 * endpoints and record saves, and waits for the agent's cleanup after an abort. The agent gets only
 * the endpoints the step uses.
 *
 * <p>An abort interrupts the controller thread waiting here; Remoting then interrupts the agent
 * thread, whose operation cleans up before it returns. The step ends only once the agent says so
 * (or after {@link #CLEANUP_WAIT_MINUTES}), so an aborted build does not finish while the agent is
 * still deleting what it made.
 *
 * <p>If the controller restarts instead, the channel closes and the agent's operation is
 * interrupted and cleans up too. The resumed step then runs the operation again on the controller
 * or a reconnected agent from the last record saved here; publishing is idempotent, so it finishes
 * what was left.
 */
final class AgentDispatch implements ControllerLink {
  private static final long CLEANUP_WAIT_MINUTES = 5;

  private final JenkinsEndpoints endpoints;
  private final RunRecordStore store;
  private final Set<String> allowedEndpoints;
  private final CountDownLatch finished = new CountDownLatch(1);

  /**
   * Prepares the controller's half.
   *
   * @param operation the step, whose endpoint parameters the agent may ask for
   * @param arguments the step's arguments, which name those endpoints
   */
  AgentDispatch(
      JenkinsEndpoints endpoints,
      RunRecordStore store,
      Step operation,
      Map<String, Object> arguments) {
    this.endpoints = endpoints;
    this.store = store;
    this.allowedEndpoints = allowedEndpoints(operation, arguments);
  }

  /** Returns true when {@code workspace} is on a connected agent rather than the controller. */
  static boolean onAgent(FilePath workspace) {
    return workspace != null && workspace.isRemote() && workspace.getChannel() != null;
  }

  /** Runs the operation on the workspace's agent and returns its result. */
  Map<String, Object> run(
      FilePath workspace,
      Step operation,
      Map<String, Object> arguments,
      BuildDefaults defaults,
      TaskListener listener,
      BuildLog log)
      throws IOException, InterruptedException {
    VirtualChannel channel = workspace.getChannel();
    if (channel == null) {
      throw new IOException("the agent of workspace " + workspace.getRemote() + " is offline");
    }
    Computer computer = workspace.toComputer();
    log.info(
        "running on agent "
            + (computer == null ? workspace.getRemote() : computer.getDisplayName())
            + ", so image files do not pass through the controller");
    ControllerLink link = channel.export(ControllerLink.class, this);
    try {
      Future<AgentOutcome> call =
          channel.callAsync(
              new AgentOperation(
                  operation, arguments, store.load().orElse(null), defaults, listener, link));
      AgentOutcome outcome;
      try {
        outcome = call.get();
      } catch (InterruptedException e) {
        log.info("waiting for the agent to clean up");
        if (!finished.await(CLEANUP_WAIT_MINUTES, TimeUnit.MINUTES)) {
          log.warning(
              "the agent did not confirm its cleanup within "
                  + CLEANUP_WAIT_MINUTES
                  + " minutes; check the IMGAPI server for unactivated images");
        }
        throw e;
      } catch (ExecutionException e) {
        throw new IOException("lost the agent while the operation ran on it", e.getCause());
      }
      return outcome.result();
    } finally {
      // The agent holds a proxy of this object until the call returns; keep it exported.
      Reference.reachabilityFence(link);
    }
  }

  @Override
  public EndpointSpec endpoint(String service, String name) {
    // An agent is less trusted than the controller: it gets the keys of the endpoints this step
    // names (or their defaults) and of the default Manta, which holds publish sources, and no
    // others, whatever it asks for.
    if (!allowedEndpoints.contains(key(service, name))) {
      throw new TritonException(
          "the agent asked for the "
              + service
              + " endpoint "
              + (name == null ? "(default)" : "'" + name + "'")
              + ", which this step does not use");
    }
    return endpoints.spec(Service.valueOf(service), name);
  }

  private static Set<String> allowedEndpoints(Step operation, Map<String, Object> arguments) {
    Set<String> allowed = new HashSet<>();
    allowed.add(key(Service.MANTA.name(), null));
    Map<String, Service> parameters =
        Map.of(
            "cloudapi", Service.CLOUDAPI,
            "manta", Service.MANTA,
            "imgapi", Service.IMGAPI,
            "sourceImgapi", Service.IMGAPI);
    parameters.forEach(
        (parameter, service) -> {
          if (operation.parameter(parameter).isEmpty()) {
            return;
          }
          Object name = arguments.get(parameter);
          if (name != null) {
            allowed.add(key(service.name(), name.toString()));
          } else if (!parameter.equals("sourceImgapi")) {
            allowed.add(key(service.name(), null));
          }
        });
    return allowed;
  }

  private static String key(String service, String name) {
    return name == null ? service : service + "=" + name;
  }

  @Override
  public void save(String recordJson) {
    store.save(recordJson);
  }

  @Override
  public void finished() {
    finished.countDown();
  }
}
