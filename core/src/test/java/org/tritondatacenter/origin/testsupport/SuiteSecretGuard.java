package org.tritondatacenter.origin.testsupport;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.TestKey;
import org.tritondatacenter.origin.testkit.http.RequestRecord;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;

/**
 * Fails any test of the suite whose output lets a secret out. JUnit registers it for every test by
 * itself ({@code META-INF/services} and {@code junit-platform.properties}), so no test class has to
 * ask for it.
 *
 * <p>Each test gets a fresh testkit {@link SecretGuardExtension} that captures standard output and
 * error, {@code java.util.logging} records, the failure a test ends with, and any text handed to
 * {@link #record(String)} (events, exception messages, {@code --json} output). It guards:
 *
 * <ul>
 *   <li>the private key fixtures of core's test resources and their passphrase;
 *   <li>the private keys of every local Triton a {@link LocalTritonExtension} of the test class
 *       ran, and every signature value those servers were sent.
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
  private static final Pattern HEADER_SIGNATURE = Pattern.compile("signature=\"([^\"]+)\"");
  private static final Pattern URL_SIGNATURE = Pattern.compile("[?&]signature=([^&]+)");

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
        SecretGuardExtension.create().registerPassphrase(FixtureSecrets.PASSPHRASE);
    for (FixtureSecrets.Key key : FixtureSecrets.keys()) {
      guard.registerPrivateKey(key.privateText(), key.publicLine());
    }
    context.getStore(NAMESPACE).put(SecretGuardExtension.class, guard);
    guard.beforeEach(context);
    RUNNING.addFirst(guard);
  }

  @Override
  public void beforeTestExecution(ExtensionContext context) {
    // The local Tritons exist only while the test runs; keep them to read their keys and
    // request logs afterwards, once their extensions have stopped them.
    context.getStore(NAMESPACE).put(LocalTriton.class, localTritons(context));
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    record(failure);
    throw failure;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    SecretGuardExtension guard =
        store.remove(SecretGuardExtension.class, SecretGuardExtension.class);
    @SuppressWarnings("unchecked")
    List<LocalTriton> tritons = (List<LocalTriton>) store.remove(LocalTriton.class, List.class);
    if (guard == null) {
      return;
    }
    RUNNING.remove(guard);
    if (tritons != null) {
      Set<String> signatures = new LinkedHashSet<>();
      for (LocalTriton triton : tritons) {
        for (TestKey key : triton.keys()) {
          guard.registerPrivateKey(key.privateKeyText(), key.publicKeyLine());
        }
        for (RequestRecord request : triton.requests().all()) {
          collect(HEADER_SIGNATURE, request.header("Authorization"), signatures);
          collect(URL_SIGNATURE, request.pathAndQuery(), signatures);
        }
      }
      signatures.forEach(guard::registerSignature);
    }
    guard.afterEach(context);
  }

  private static void collect(Pattern pattern, String text, Set<String> into) {
    if (text == null) {
      return;
    }
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      if (m.group(1).length() >= 6) {
        into.add(m.group(1));
      }
    }
  }

  /** Returns the local Tritons running for this test, from the class's extension fields. */
  private static List<LocalTriton> localTritons(ExtensionContext context) {
    List<LocalTriton> found = new ArrayList<>();
    List<Object> instances =
        context.getTestInstances().map(i -> i.getAllInstances()).orElse(List.of());
    Class<?> testClass = context.getRequiredTestClass();
    List<Field> fields =
        ReflectionSupport.findFields(
            testClass,
            f -> LocalTritonExtension.class.isAssignableFrom(f.getType()),
            HierarchyTraversalMode.TOP_DOWN);
    for (Field field : fields) {
      if (Modifier.isStatic(field.getModifiers())) {
        add(field, null, found);
      } else {
        for (Object instance : instances) {
          if (field.getDeclaringClass().isInstance(instance)) {
            add(field, instance, found);
          }
        }
      }
    }
    return found;
  }

  private static void add(Field field, Object instance, List<LocalTriton> found) {
    try {
      field.setAccessible(true);
      Object value = field.get(instance);
      if (value instanceof LocalTritonExtension extension) {
        found.add(extension.triton());
      }
    } catch (IllegalAccessException | RuntimeException e) {
      // Not running for this test (or not readable): nothing of it to guard.
    }
  }
}
