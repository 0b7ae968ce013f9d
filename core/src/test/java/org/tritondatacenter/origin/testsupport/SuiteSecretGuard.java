package org.tritondatacenter.origin.testsupport;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.testkit.junit.TestFields;

/**
 * Fails any test of the suite whose output lets a secret out. JUnit registers it for every test by
 * itself ({@code META-INF/services} and {@code junit-platform.properties}), so no test class has to
 * ask for it.
 *
 * <p>Each test gets a fresh testkit {@link SecretGuardExtension} that captures standard output and
 * error, {@code java.util.logging} records, the failure a test ends with, and any text handed to
 * {@link #record(String)} (events, exception messages, {@code --json} output) or caught with {@link
 * Caught}. It guards:
 *
 * <ul>
 *   <li>the private key fixtures of core's test resources and their passphrase;
 *   <li>the private keys of every local Triton the test class holds in a field (directly or through
 *       a {@link LocalTritonExtension}), and every signature value those servers were sent;
 *   <li>every signature value sent to a MockWebServer the test class holds in a field ({@link
 *       MockServerSignatures} says which requests it sees).
 * </ul>
 *
 * <p>JUnit runs auto-detected extensions first, so this guard's {@code afterEach} comes after the
 * test's own extensions have stopped: it sees everything they let out.
 */
public final class SuiteSecretGuard
    implements BeforeEachCallback,
        BeforeTestExecutionCallback,
        AfterEachCallback,
        TestExecutionExceptionHandler {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SuiteSecretGuard.class);

  /** Whether MockWebServer is on the class path: cli, bench and pipelines run this without it. */
  private static final boolean MOCK_WEB_SERVER = present("mockwebserver3.MockWebServer");

  /** A string, not the class, as store key: the class must not load without MockWebServer. */
  private static final String MOCK_SERVERS = "mock web servers";

  /** The guards of the tests running, innermost first: a test may run a test engine itself. */
  private static final Deque<SecretGuardExtension> RUNNING = new ConcurrentLinkedDeque<>();

  /** Creates the guard; JUnit calls this through the service loader. */
  public SuiteSecretGuard() {}

  /** Hands text the test saw (an event, a command's output) to the running test's guard. */
  public static void record(String text) {
    SecretGuardExtension guard = RUNNING.peekFirst();
    if (guard != null) {
      try {
        guard.record(text);
      } catch (IllegalStateException e) {
        // The test just ended; there is nothing left to check the text against.
      }
    }
  }

  /** Hands an exception's message, causes and suppressed exceptions to the running guard. */
  public static void record(Throwable error) {
    SecretGuardExtension guard = RUNNING.peekFirst();
    if (guard != null && error != null) {
      try {
        guard.record(error);
      } catch (IllegalStateException e) {
        // As above.
      }
    }
  }

  /** Returns true while a test runs under the guard: proof that JUnit registered it. */
  public static boolean guarding() {
    return !RUNNING.isEmpty();
  }

  /** Returns a listener that hands each event's text to the running guard. */
  public static EventListener events() {
    return event -> record(String.valueOf(event));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    SecretGuardExtension guard =
        SecretGuardExtension.create()
            .checkingExceptionsMade()
            .exemptingExceptionsMade(
                "org.tritondatacenter.origin.TritonApiException",
                "IMGAPI AddImageFileFromUrl failed:",
                "IMGAPI quotes the signed URL it could not fetch; imgapi.FileTransfers throws a"
                    + " redacted copy instead and drops this one")
            .registerPassphrase(FixtureSecrets.PASSPHRASE);
    for (FixtureSecrets.Key key : FixtureSecrets.keys()) {
      guard.registerPrivateKey(key.privateText(), key.publicLine());
    }
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    store.put(SecretGuardExtension.class, guard);
    if (MOCK_WEB_SERVER) {
      // Before the test's own extensions start the servers, so the recording dispatcher is the
      // one every request meets.
      store.put(MOCK_SERVERS, MockServerSignatures.watch(context));
    }
    guard.beforeEach(context);
    RUNNING.addFirst(guard);
  }

  @Override
  public void beforeTestExecution(ExtensionContext context) {
    // LocalTritonExtension hands out its Triton only while the test runs; keep them to read their
    // keys and request logs afterwards, once their extensions have stopped them.
    List<LocalTriton> tritons = new ArrayList<>(TestFields.of(context, LocalTriton.class));
    for (LocalTritonExtension extension : TestFields.of(context, LocalTritonExtension.class)) {
      try {
        tritons.add(extension.triton());
      } catch (IllegalStateException e) {
        // Not running for this test (a fixture class's extension, say): nothing of it to guard.
      }
    }
    context.getStore(NAMESPACE).put(LocalTriton.class, tritons);
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    SecretGuardExtension guard =
        context.getStore(NAMESPACE).get(SecretGuardExtension.class, SecretGuardExtension.class);
    if (guard != null) {
      guard.record(failure);
    }
    throw failure;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    SecretGuardExtension guard =
        store.remove(SecretGuardExtension.class, SecretGuardExtension.class);
    @SuppressWarnings("unchecked")
    List<LocalTriton> tritons = (List<LocalTriton>) store.remove(LocalTriton.class, List.class);
    Object mockServers = store.remove(MOCK_SERVERS);
    if (guard == null) {
      return;
    }
    RUNNING.remove(guard);
    if (tritons != null) {
      tritons.forEach(guard::registerLocalTriton);
    }
    if (mockServers != null) {
      ((MockServerSignatures) mockServers).signatures().forEach(guard::registerSignature);
    }
    guard.afterEach(context);
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, SuiteSecretGuard.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
