package io.jenkins.plugins.tritonorigin;

import hudson.Extension;
import hudson.model.listeners.ItemListener;
import io.jenkins.plugins.okhttp.api.JenkinsOkHttpClient;
import java.io.IOException;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.locks.LockSupport;
import jenkins.model.Jenkins;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Freezes an operation's HTTP calls once its Jenkins begins to shut down.
 *
 * <p>When the controller stops, the Pipeline saves each running step with its run record, and after
 * a restart the step resumes from that record. An operation thread that kept calling the services
 * after the save would make progress the record never hears of: a machine created twice, or a
 * cleanup that deletes what the resumed step still needs. So from the moment shutdown begins, the
 * next request of such a thread parks it for good. A real controller exits soon after; in a test
 * that restarts Jenkins within one JVM, the parked daemon thread simply stays parked.
 */
@Restricted(NoExternalUse.class)
public final class QuiesceGate implements Interceptor {
  private static final Set<Jenkins> STOPPING = Collections.newSetFromMap(new WeakHashMap<>());

  private final Jenkins owner;

  private QuiesceGate(Jenkins owner) {
    this.owner = owner;
  }

  /** Returns the base HTTP client for operations on this controller: its proxy, and this gate. */
  static OkHttpClient client(Jenkins owner) {
    return JenkinsOkHttpClient.newClientBuilder(SharedClient.INSTANCE)
        .addInterceptor(new QuiesceGate(owner))
        .build();
  }

  @Override
  public Response intercept(Interceptor.Chain chain) throws IOException {
    if (stopping()) {
      parkForever();
    }
    return chain.proceed(chain.request());
  }

  private boolean stopping() {
    return isStopping(owner);
  }

  /** Returns true once {@code owner} has begun to shut down, or has been replaced. */
  static boolean isStopping(Jenkins owner) {
    synchronized (STOPPING) {
      if (STOPPING.contains(owner)) {
        return true;
      }
    }
    return owner.isTerminating() || Jenkins.getInstanceOrNull() != owner;
  }

  private static void parkForever() {
    while (true) {
      // An interrupt must not resume the operation, and must not make park() spin either.
      Thread.interrupted();
      LockSupport.park(QuiesceGate.class);
    }
  }

  /** Shares one connection pool and dispatcher among all operations. */
  private static final class SharedClient {
    static final OkHttpClient INSTANCE = new OkHttpClient();
  }

  /**
   * Closes the gate before anything else runs at shutdown, in particular before the Pipeline saves
   * its running programs.
   */
  @Extension(ordinal = 1000)
  public static final class OnShutdown extends ItemListener {
    @Override
    public void onBeforeShutdown() {
      Jenkins jenkins = Jenkins.getInstanceOrNull();
      if (jenkins != null) {
        synchronized (STOPPING) {
          STOPPING.add(jenkins);
        }
      }
    }
  }
}
