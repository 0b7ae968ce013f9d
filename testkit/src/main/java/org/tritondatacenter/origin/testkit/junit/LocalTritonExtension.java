package org.tritondatacenter.origin.testkit.junit;

import java.lang.reflect.AnnotatedElement;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.tritondatacenter.origin.testkit.LeakReport;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.LocalTritonOptions;

/**
 * Starts a fresh {@link LocalTriton} before each test, stops it after, and fails the test when it
 * leaves anything behind: machines not deleted, images never activated, Manta objects outside the
 * expected paths. A test that leaks on purpose says so with {@link ExpectLeaks}.
 *
 * <pre>{@code
 * class ExportTest {
 *   @RegisterExtension
 *   static final LocalTritonExtension triton =
 *       LocalTritonExtension.withOptions(LocalTritonOptions.builder().subUser("ci").build());
 *
 *   @Test
 *   void export_writesManifestAndFile(LocalTriton t) {     // or triton.triton()
 *     t.manta().expectPaths("/alice/stor/builds/");         // anything else is a leak
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>Each test gets its own instance, so no state passes from one test to the next, whether the
 * field is static or not. The leak check runs after the test's own {@code @AfterEach} methods, so
 * cleanup done there counts. Tests sharing one extension must not run concurrently.
 */
public final class LocalTritonExtension
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private final Supplier<TritonSession> starter;
  private volatile TritonSession current;
  private volatile TritonSession last;

  LocalTritonExtension(Supplier<TritonSession> starter) {
    this.starter = Objects.requireNonNull(starter, "starter == null");
  }

  /** Creates the extension for a local Triton with the default options. */
  public static LocalTritonExtension withDefaults() {
    return withOptions(LocalTritonOptions.builder().build());
  }

  /** Creates the extension for a local Triton with these options. */
  public static LocalTritonExtension withOptions(LocalTritonOptions options) {
    Objects.requireNonNull(options, "options == null");
    return new LocalTritonExtension(() -> TritonSession.of(LocalTriton.start(options)));
  }

  /**
   * Returns the local Triton of the running test.
   *
   * @throws IllegalStateException outside a test (before {@code beforeEach} or after {@code
   *     afterEach})
   */
  public LocalTriton triton() {
    return session().triton();
  }

  /** Returns the running test's leak report, for a test that checks a leak on purpose. */
  public LeakReport leakReport() {
    return session().leakReport();
  }

  private TritonSession session() {
    TritonSession session = current;
    if (session == null) {
      throw new IllegalStateException(
          "no local Triton is running: LocalTritonExtension starts one for each test, so use it"
              + " inside a test or its @BeforeEach/@AfterEach methods");
    }
    return session;
  }

  /** Returns the session of the running or just finished test, or null (for the secret guard). */
  TritonSession lastSession() {
    return last;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    last = null;
    TritonSession session = starter.get();
    current = session;
    last = session;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TritonSession session = current;
    current = null;
    if (session == null) {
      return;
    }
    try {
      if (!expectsLeaks(context)) {
        LeakReport report = session.leakReport();
        if (!report.isEmpty()) {
          throw new AssertionError(
              "the test left resources behind on the local Triton; clean them up, or annotate"
                  + " the test with @ExpectLeaks when the leak is the point. "
                  + report);
        }
      }
    } finally {
      session.close();
    }
  }

  private static boolean expectsLeaks(ExtensionContext context) {
    return annotated(context.getTestMethod()) || annotated(context.getTestClass());
  }

  private static boolean annotated(Optional<? extends AnnotatedElement> element) {
    return AnnotationSupport.isAnnotated(element, ExpectLeaks.class);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalTriton.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return triton();
  }
}
