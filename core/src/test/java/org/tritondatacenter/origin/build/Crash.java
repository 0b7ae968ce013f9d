package org.tritondatacenter.origin.build;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Predicate;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.state.RunRecordStore;

/**
 * Simulates the process dying right after a chosen save of the run record: from then on nothing is
 * saved and no request reaches the network, so the dying run's cleanup removes nothing, as after a
 * kill. The record as saved at that moment is what a resumed run starts from.
 */
final class Crash {
  private final Predicate<String> when;
  private final boolean saveFirst;
  private final MemoryRunRecordStore saved = new MemoryRunRecordStore();
  private volatile boolean crashed;

  /**
   * Crashes at the first save whose record text matches {@code when}, after that save or, when
   * {@code saveFirst} is false, before it.
   */
  Crash(Predicate<String> when, boolean saveFirst) {
    this.when = when;
    this.saveFirst = saveFirst;
  }

  /** Crashes once an image's record reaches {@code phase}, that record saved. */
  static Crash afterPhase(ImagePhase phase) {
    return new Crash(reaches(phase), true);
  }

  /**
   * Crashes just before an image's record reaching {@code phase} is saved: the service answered,
   * and the answer died with the process.
   */
  static Crash beforeSaving(ImagePhase phase) {
    return new Crash(reaches(phase), false);
  }

  private static Predicate<String> reaches(ImagePhase phase) {
    String marker = "\"phase\" : \"" + phase + "\"";
    return json -> json.contains(marker);
  }

  /** Thrown where the process would have died. */
  static final class Died extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Died() {
      super("simulated crash");
    }
  }

  /** Returns the store the dying run saves to. */
  RunRecordStore store() {
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
  OkHttpClient httpClient() {
    Interceptor dead =
        chain -> {
          if (crashed) {
            throw new IOException("simulated crash: the process is gone");
          }
          return chain.proceed(chain.request());
        };
    return new OkHttpClient.Builder().addInterceptor(dead).build();
  }

  boolean crashed() {
    return crashed;
  }

  /** Returns the record as saved when the process died. */
  MemoryRunRecordStore savedRecord() {
    return new MemoryRunRecordStore(saved.load().orElseThrow());
  }
}
