package org.tritondatacenter.origin.operations;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Predicate;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.state.RunRecordStore;

/**
 * Simulates the process dying at a chosen save of the run record: from then on nothing is saved and
 * no request reaches the network, so cleanup can remove nothing, exactly as after a kill. The
 * record as saved at that moment is kept for a resumed run.
 */
public final class SimulatedCrash {
  private final Predicate<String> when;
  private final boolean saveFirst;
  private final MemoryRunRecordStore saved = new MemoryRunRecordStore();
  private volatile boolean crashed;

  /** Crashes after the first save whose record text matches {@code when}. */
  public SimulatedCrash(Predicate<String> when) {
    this(when, true);
  }

  /**
   * Crashes at the first save whose record text matches {@code when}, after that save or, when
   * {@code saveFirst} is false, before it: the service answered, and the answer died with the
   * process.
   */
  public SimulatedCrash(Predicate<String> when, boolean saveFirst) {
    this.when = when;
    this.saveFirst = saveFirst;
  }

  /** Thrown where the process would have died. */
  public static final class Died extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Died() {
      super("simulated crash");
    }
  }

  /** Returns the store the crashing run saves to. */
  public RunRecordStore store() {
    return new RunRecordStore() {
      @Override
      public Optional<String> load() {
        return saved.load();
      }

      @Override
      public void save(String json) {
        if (crashed) {
          return;
        }
        if (when.test(json)) {
          crashed = true;
          if (saveFirst) {
            saved.save(json);
          }
          throw new Died();
        }
        saved.save(json);
      }
    };
  }

  /** Returns an HTTP client that fails every request once the crash happened. */
  public OkHttpClient httpClient() {
    Interceptor dead =
        chain -> {
          if (crashed) {
            throw new IOException("simulated crash: the process is gone");
          }
          return chain.proceed(chain.request());
        };
    return new OkHttpClient.Builder().addInterceptor(dead).build();
  }

  /** Returns true once the crash happened. */
  public boolean crashed() {
    return crashed;
  }

  /** Returns the record as saved when the process died, for the resumed run. */
  public MemoryRunRecordStore savedRecord() {
    return new MemoryRunRecordStore(saved.load().orElseThrow());
  }
}
