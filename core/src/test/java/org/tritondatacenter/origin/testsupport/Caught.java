package org.tritondatacenter.origin.testsupport;

import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * AssertJ's {@code catchThrowable} and {@code catchThrowableOfType}, with one difference: the
 * exception caught is handed to the suite's secret guard, messages, causes and suppressed
 * exceptions included. An exception a test catches itself never reaches the guard otherwise, so a
 * test switches by changing its static import:
 *
 * <pre>{@code
 * import static org.tritondatacenter.origin.testsupport.Caught.catchThrowableOfType;
 *
 * KeyException e = catchThrowableOfType(KeyException.class, () -> SshKeys.load(file, wrong));
 * }</pre>
 */
public final class Caught {
  private Caught() {}

  /** Runs {@code code} and returns what it threw (null if nothing), checked by the guard. */
  public static Throwable catchThrowable(ThrowingCallable code) {
    Throwable thrown = Assertions.catchThrowable(code);
    SuiteSecretGuard.record(thrown);
    return thrown;
  }

  /**
   * Runs {@code code} and returns what it threw, checked by the guard; fails as AssertJ does when
   * it threw nothing or something not of {@code type}.
   */
  public static <T extends Throwable> T catchThrowableOfType(Class<T> type, ThrowingCallable code) {
    // Caught whole first, so the guard sees the exception even when its type is the wrong one.
    Throwable thrown = catchThrowable(code);
    return Assertions.catchThrowableOfType(
        type,
        () -> {
          if (thrown != null) {
            throw thrown;
          }
        });
  }
}
