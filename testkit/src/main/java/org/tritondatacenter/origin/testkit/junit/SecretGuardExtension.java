package org.tritondatacenter.origin.testkit.junit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.tritondatacenter.origin.testkit.LocalTriton;

/**
 * Fails a test when a secret leaks into what it lets out: standard output and error, {@code
 * java.util.logging} records, and any text the test hands over with {@link #record(String)}
 * (events, exception messages, {@code --json} output of a command). With {@link
 * #checkingExceptionsMade()} it also reads the message of every exception made while the test ran,
 * including those the test or the code under test caught.
 *
 * <p>The secrets are those registered (passphrases, private keys, signature values) and, when the
 * guard {@linkplain #watching watches} a {@link LocalTritonExtension}, the private key text of the
 * local Triton's keys and every signature value its request log saw. The failure names the kind of
 * secret and where it appeared, never the secret itself.
 *
 * <pre>{@code
 * class PublishCommandTest {
 *   @RegisterExtension
 *   static final LocalTritonExtension triton = LocalTritonExtension.withDefaults();
 *
 *   @RegisterExtension
 *   final SecretGuardExtension secrets =
 *       SecretGuardExtension.watching(triton).registerPassphrase("correct horse battery");
 *
 *   @Test
 *   void publish_badKey_saysWhichFile() {
 *     Result result = cli.run("publish", "--json", ...);
 *     secrets.record(result.stdout());          // output captured from a subprocess
 *     secrets.record(result.error());           // exception messages, with their causes
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>Output from every thread is captured, so tests using the guard must not run concurrently. Log
 * records of loggers that do not pass them to the root logger are not seen.
 */
public final class SecretGuardExtension implements BeforeEachCallback, AfterEachCallback {
  private final LocalTritonExtension triton;
  private final List<Secret> secrets = new CopyOnWriteArrayList<>();
  private volatile OutputCapture capture;
  private volatile boolean checkExceptionsMade;
  private volatile ThrownMessages thrown;
  private final List<ThrownMessages.Exemption> exemptions = new CopyOnWriteArrayList<>();
  private int recorded;

  private SecretGuardExtension(LocalTritonExtension triton) {
    this.triton = triton;
  }

  /** Creates a guard for the secrets registered on it. */
  public static SecretGuardExtension create() {
    return new SecretGuardExtension(null);
  }

  /**
   * Creates a guard that also protects the local Triton's private keys and the signature values of
   * every request it answered during the test.
   */
  public static SecretGuardExtension watching(LocalTritonExtension triton) {
    if (triton == null) {
      throw new IllegalArgumentException("watching(null): pass the LocalTritonExtension to watch");
    }
    return new SecretGuardExtension(triton);
  }

  /**
   * Also checks the message of every exception made in the JVM while the test runs, those the test
   * or the code under test caught included, through JDK Flight Recorder. It costs some 15 ms a test
   * and sees the message each exception was created with; tests using it must not run concurrently.
   */
  public SecretGuardExtension checkingExceptionsMade() {
    checkExceptionsMade = true;
    return this;
  }

  /**
   * Leaves out of {@link #checkingExceptionsMade()} the exceptions of one class whose message
   * starts with {@code messagePrefix}: an intermediate exception the code under test replaces with
   * a redacted copy and never chains, so that it reaches no one.
   *
   * @param why says where the code replaces it, for the reader of the test set-up
   */
  public SecretGuardExtension exemptingExceptionsMade(
      String className, String messagePrefix, String why) {
    if (className == null || messagePrefix == null || why == null || why.isBlank()) {
      throw new IllegalArgumentException(
          "exemptingExceptionsMade needs the class name, the message prefix and why it is safe");
    }
    exemptions.add(new ThrownMessages.Exemption(className, messagePrefix));
    return this;
  }

  /** Registers a secret of no particular kind (at least 6 characters). */
  public SecretGuardExtension register(String secret) {
    secrets.add(new Secret("registered secret", secret));
    return this;
  }

  /** Registers a key passphrase. */
  public SecretGuardExtension registerPassphrase(String passphrase) {
    secrets.add(new Secret("passphrase", passphrase));
    return this;
  }

  /**
   * Registers a private key's text: each of its base64 lines of 16 or more characters counts.
   *
   * @param publicKeyLine the matching OpenSSH public key line, or null; lines the public key also
   *     holds are not secret and are left out
   */
  public SecretGuardExtension registerPrivateKey(String privateKeyText, String publicKeyLine) {
    secrets.addAll(TritonSecrets.privateKeyLines(privateKeyText, publicKeyLine));
    return this;
  }

  /** Registers an HTTP Signature value (the base64 of a signature). */
  public SecretGuardExtension registerSignature(String signature) {
    secrets.add(new Secret(TritonSecrets.SIGNATURE, signature));
    return this;
  }

  /**
   * Registers a local Triton's secrets: the private key text of its keys and every signature value
   * its request log holds so far. Call it once the test has sent its requests, after the Triton
   * stopped if need be (its keys and log outlive it).
   */
  public SecretGuardExtension registerLocalTriton(LocalTriton localTriton) {
    if (localTriton == null) {
      throw new IllegalArgumentException("registerLocalTriton(null): pass a started LocalTriton");
    }
    secrets.addAll(TritonSecrets.of(localTriton.keys(), localTriton.requests().all()));
    return this;
  }

  /**
   * Hands over text the test saw, such as an event's description or a command's {@code --json}
   * output, to be checked with the rest.
   *
   * @throws IllegalStateException outside a test
   */
  public void record(String text) {
    OutputCapture c = running();
    synchronized (this) {
      c.record("text recorded by the test (#" + ++recorded + ")", text);
    }
  }

  /** Hands over an exception's message, with those of its causes and suppressed exceptions. */
  public void record(Throwable error) {
    StringBuilder text = new StringBuilder();
    Set<Throwable> seen = new LinkedHashSet<>();
    appendMessages(error, text, seen);
    record(text.toString());
  }

  private static void appendMessages(Throwable t, StringBuilder text, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) {
      return;
    }
    text.append(t).append('\n');
    for (Throwable s : t.getSuppressed()) {
      appendMessages(s, text, seen);
    }
    appendMessages(t.getCause(), text, seen);
  }

  private OutputCapture running() {
    OutputCapture c = capture;
    if (c == null) {
      throw new IllegalStateException(
          "SecretGuardExtension records text only while a test runs; call record() inside it");
    }
    return c;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    recorded = 0;
    capture = OutputCapture.start();
    thrown = checkExceptionsMade ? ThrownMessages.start() : null;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    OutputCapture c = capture;
    capture = null;
    if (c == null) {
      return;
    }
    c.stop();
    ThrownMessages t = thrown;
    thrown = null;
    List<OutputCapture.Captured> texts = new ArrayList<>(c.texts());
    if (t != null) {
      texts.addAll(t.stop(exemptions));
    }
    // A set: clients reuse one signature for every request in the same second.
    Set<Secret> all = new LinkedHashSet<>(secrets);
    TritonSession session = triton == null ? null : triton.lastSession();
    if (session != null) {
      all.addAll(TritonSecrets.of(session.keys(), session.requests()));
    }
    List<String> findings = findings(all, texts);
    if (!findings.isEmpty()) {
      throw new AssertionError(
          "a secret leaked during the test (the secret itself is not shown):\n  "
              + String.join("\n  ", findings));
    }
  }

  /** Returns one line per kind of secret and place it appeared, naming neither the secret. */
  static List<String> findings(Set<Secret> secrets, List<OutputCapture.Captured> texts) {
    Set<String> findings = new LinkedHashSet<>();
    for (OutputCapture.Captured captured : texts) {
      for (Secret secret : secrets) {
        for (String form : secret.forms()) {
          int at = captured.text().indexOf(form);
          if (at >= 0) {
            findings.add(
                "a " + secret.kind() + " appeared in " + captured.where() + line(captured, at));
            break;
          }
        }
      }
    }
    return List.copyOf(findings);
  }

  private static String line(OutputCapture.Captured captured, int at) {
    if (!captured.where().startsWith("standard")) {
      return "";
    }
    long line = captured.text().substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    return " (line " + line + ")";
  }
}
