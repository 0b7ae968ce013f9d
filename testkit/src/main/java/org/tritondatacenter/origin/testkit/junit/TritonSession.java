package org.tritondatacenter.origin.testkit.junit;

import java.util.List;
import org.tritondatacenter.origin.testkit.LeakReport;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.TestKey;
import org.tritondatacenter.origin.testkit.http.RequestRecord;

/**
 * What the extensions need from a running local Triton during one test. It is an interface so the
 * extensions' own tests can drive them with a made-up leak report, keys and request log.
 */
interface TritonSession extends AutoCloseable {
  /** Returns the running local Triton. */
  LocalTriton triton();

  LeakReport leakReport();

  /** Returns the keys whose private text must never be printed. */
  List<TestKey> keys();

  /** Returns the requests answered so far, whose signature values must never be printed. */
  List<RequestRecord> requests();

  @Override
  void close();

  static TritonSession of(LocalTriton triton) {
    return new TritonSession() {
      @Override
      public LocalTriton triton() {
        return triton;
      }

      @Override
      public LeakReport leakReport() {
        return triton.leakReport();
      }

      @Override
      public List<TestKey> keys() {
        return triton.keys();
      }

      @Override
      public List<RequestRecord> requests() {
        return triton.requests().all();
      }

      @Override
      public void close() {
        triton.close();
      }
    };
  }
}
