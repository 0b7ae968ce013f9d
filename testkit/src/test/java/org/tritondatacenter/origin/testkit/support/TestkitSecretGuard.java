package org.tritondatacenter.origin.testkit.support;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.TestKey;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.testkit.junit.TestFields;

/**
 * Fails any test of testkit's own suite whose output lets a secret out. JUnit registers it for
 * every test by itself ({@code META-INF/services} and {@code junit-platform.properties}).
 *
 * <p>Each test gets a fresh {@link SecretGuardExtension}, which captures standard output and error,
 * {@code java.util.logging} records, the failure the test ends with and any text handed to {@link
 * #record(String)}. It guards:
 *
 * <ul>
 *   <li>every key {@link RequestSigner} signed with during the test and every signature value it
 *       made: all of testkit's tests sign through it, so this is every signature they send;
 *   <li>the keys and request-log signatures of every local Triton the test class holds in a field,
 *       directly or through a {@link LocalTritonExtension}.
 * </ul>
 */
public final class TestkitSecretGuard
    implements BeforeEachCallback,
        BeforeTestExecutionCallback,
        AfterEachCallback,
        TestExecutionExceptionHandler {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TestkitSecretGuard.class);

  /** The tests running, innermost first: a test may run a test engine itself. */
  private static final Deque<Running> RUNNING = new ConcurrentLinkedDeque<>();

  /** One test's guard and what the signer reported to it; sets, as a signer reuses its values. */
  private record Running(SecretGuardExtension guard, Set<TestKey> keys, Set<String> signatures) {
    Running(SecretGuardExtension guard) {
      this(guard, ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet());
    }
  }

  /** Creates the guard; JUnit calls this through the service loader. */
  public TestkitSecretGuard() {}

  /** Reports a signature value and the key that made it, to the running test's guard. */
  static void signed(TestKey key, String signature) {
    Running running = RUNNING.peekFirst();
    if (running != null) {
      running.keys().add(key);
      running.signatures().add(signature);
    }
  }

  /** Hands text the test saw (a subprocess's output, a message) to the running test's guard. */
  public static void record(String text) {
    Running running = RUNNING.peekFirst();
    if (running != null) {
      try {
        running.guard().record(text);
      } catch (IllegalStateException e) {
        // The test just ended; there is nothing left to check the text against.
      }
    }
  }

  /** Returns true while a test runs under the guard: proof that JUnit registered it. */
  public static boolean guarding() {
    return !RUNNING.isEmpty();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Running running = new Running(SecretGuardExtension.create().checkingExceptionsMade());
    context.getStore(NAMESPACE).put(Running.class, running);
    running.guard().beforeEach(context);
    RUNNING.addFirst(running);
  }

  @Override
  public void beforeTestExecution(ExtensionContext context) {
    // LocalTritonExtension hands out its Triton only while the test runs; keep them to read their
    // keys and request logs once the extension has stopped them.
    List<LocalTriton> tritons = new ArrayList<>(TestFields.of(context, LocalTriton.class));
    for (LocalTritonExtension extension : TestFields.of(context, LocalTritonExtension.class)) {
      tritons.add(extension.triton());
    }
    context.getStore(NAMESPACE).put(LocalTriton.class, tritons);
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    Running running = context.getStore(NAMESPACE).get(Running.class, Running.class);
    if (running != null) {
      running.guard().record(failure);
    }
    throw failure;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    Running running = store.remove(Running.class, Running.class);
    @SuppressWarnings("unchecked")
    List<LocalTriton> tritons = (List<LocalTriton>) store.remove(LocalTriton.class, List.class);
    if (running == null) {
      return;
    }
    RUNNING.remove(running);
    SecretGuardExtension guard = running.guard();
    for (TestKey key : running.keys()) {
      guard.registerPrivateKey(key.privateKeyText(), key.publicKeyLine());
    }
    for (String signature : running.signatures()) {
      if (signature.length() >= 6) {
        guard.registerSignature(signature);
      }
    }
    if (tritons != null) {
      tritons.forEach(guard::registerLocalTriton);
    }
    guard.afterEach(context);
  }
}
