package org.tritondatacenter.origin.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.tritondatacenter.origin.cli.config.PassphrasePrompt;
import org.tritondatacenter.origin.wait.Clock;
import org.tritondatacenter.origin.wait.Sleeper;

/**
 * Everything a command takes from its process: variables, home and working directory, the output
 * streams, standard input, whether a person sits at a terminal, and the clock. {@link #system()}
 * reads the real ones; tests build their own, so a command never sees the real user's HOME.
 */
public final class CliEnvironment {
  private final Map<String, String> env;
  private final Path home;
  private final Path workingDir;
  private final PrintWriter out;
  private final PrintWriter err;
  private final PrintStream errStream;
  private final BufferedReader in;
  private final boolean terminal;
  private final PassphrasePrompt passphrases;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Interruption interruption;

  private CliEnvironment(Builder b) {
    this.env = Map.copyOf(b.env);
    this.home = Objects.requireNonNull(b.home, "home == null");
    this.workingDir = Objects.requireNonNull(b.workingDir, "workingDir == null");
    this.errStream = b.errStream;
    this.out = b.out;
    this.err = b.err;
    this.in = b.in;
    this.terminal = b.terminal;
    this.passphrases = b.passphrases;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.interruption = b.interruption;
  }

  /**
   * Returns the real process's environment. A terminal is assumed when standard input and output
   * are one ({@link System#console()}), {@code TERM} is not {@code dumb} and {@code CI} is unset,
   * so CI logs get plain lines.
   */
  public static CliEnvironment system() {
    Map<String, String> env = System.getenv();
    Console console = System.console();
    boolean terminal = console != null && !"dumb".equals(env.get("TERM")) && env.get("CI") == null;
    Charset charset = console != null ? console.charset() : Charset.defaultCharset();
    PrintStream errStream = System.err;
    return builder()
        .env(env)
        .home(home(env))
        .workingDir(Path.of("").toAbsolutePath())
        .out(new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true))
        .err(new PrintWriter(new java.io.OutputStreamWriter(errStream, charset), true), errStream)
        .in(new BufferedReader(new InputStreamReader(System.in, charset)))
        .terminal(terminal)
        .passphrases(
            console == null
                ? PassphrasePrompt.NONE
                : prompt -> {
                  char[] answer = console.readPassword("%s", prompt);
                  return answer;
                })
        .build();
  }

  /** Returns {@code HOME}, as the Node.js Triton tools read it, else the JVM's idea of it. */
  private static Path home(Map<String, String> env) {
    String home = env.get("HOME");
    return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these settings, to derive an environment (the demo does). */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.env = env;
    b.home = home;
    b.workingDir = workingDir;
    b.out = out;
    b.err = err;
    b.errStream = errStream;
    b.in = in;
    b.terminal = terminal;
    b.passphrases = passphrases;
    b.clock = clock;
    b.sleeper = sleeper;
    b.interruption = interruption;
    return b;
  }

  /** Returns the environment variables. */
  public Map<String, String> env() {
    return env;
  }

  /** Returns the user's home, which holds {@code .triton} and {@code .ssh}. */
  public Path home() {
    return home;
  }

  /** Returns the directory relative paths are read from. */
  public Path workingDir() {
    return workingDir;
  }

  /** Returns where results go. */
  public PrintWriter out() {
    return out;
  }

  /** Returns where progress, logs and errors go. */
  public PrintWriter err() {
    return err;
  }

  /** Returns standard error as a stream, for progress bars. */
  public PrintStream errStream() {
    return errStream;
  }

  /** Returns standard input, for confirmations. */
  public BufferedReader in() {
    return in;
  }

  /** Returns true when a person can answer questions and watch progress bars. */
  public boolean terminal() {
    return terminal;
  }

  public PassphrasePrompt passphrases() {
    return passphrases;
  }

  /** Returns the clock core measures waits with. */
  public Clock clock() {
    return clock;
  }

  /** Returns the sleeper core waits with. */
  public Sleeper sleeper() {
    return sleeper;
  }

  /** Returns the Ctrl-C handle shared by every command of this process. */
  public Interruption interruption() {
    return interruption;
  }

  /** Configures a {@link CliEnvironment}. */
  public static final class Builder {
    private Map<String, String> env = Map.of();
    private Path home;
    private Path workingDir;
    private PrintWriter out = new PrintWriter(OutputStream.nullOutputStream(), true);
    private PrintWriter err = new PrintWriter(OutputStream.nullOutputStream(), true);
    private PrintStream errStream;
    private BufferedReader in = new BufferedReader(new StringReader(""));
    private boolean terminal;
    private PassphrasePrompt passphrases = PassphrasePrompt.NONE;
    private Clock clock = Clock.system();
    private Sleeper sleeper = Sleeper.system();
    private Interruption interruption = new Interruption();

    private Builder() {}

    public Builder env(Map<String, String> env) {
      this.env = Objects.requireNonNull(env, "env == null");
      return this;
    }

    public Builder home(Path home) {
      this.home = home;
      return this;
    }

    public Builder workingDir(Path workingDir) {
      this.workingDir = workingDir;
      return this;
    }

    public Builder out(PrintWriter out) {
      this.out = Objects.requireNonNull(out, "out == null");
      return this;
    }

    /** Sets standard error; progress bars draw on a stream writing to the same place. */
    public Builder err(PrintWriter err) {
      return err(err, null);
    }

    /** Sets standard error as a writer and, for progress bars, as a stream. */
    public Builder err(PrintWriter err, PrintStream errStream) {
      this.err = Objects.requireNonNull(err, "err == null");
      this.errStream = errStream;
      return this;
    }

    public Builder in(BufferedReader in) {
      this.in = Objects.requireNonNull(in, "in == null");
      return this;
    }

    public Builder terminal(boolean terminal) {
      this.terminal = terminal;
      return this;
    }

    public Builder passphrases(PassphrasePrompt passphrases) {
      this.passphrases = Objects.requireNonNull(passphrases, "passphrases == null");
      return this;
    }

    /** Sets the clock and sleeper core waits with (the demo uses a scaled clock). */
    public Builder time(Clock clock, Sleeper sleeper) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    public Builder interruption(Interruption interruption) {
      this.interruption = Objects.requireNonNull(interruption, "interruption == null");
      return this;
    }

    public CliEnvironment build() {
      if (errStream == null) {
        PrintWriter target = err;
        errStream =
            new PrintStream(
                new OutputStream() {
                  @Override
                  public void write(int b) {
                    target.write(b);
                  }

                  @Override
                  public void write(byte[] b, int off, int len) {
                    target.write(new String(b, off, len, StandardCharsets.UTF_8));
                  }

                  @Override
                  public void flush() {
                    target.flush();
                  }
                },
                true,
                StandardCharsets.UTF_8);
      }
      return new CliEnvironment(this);
    }
  }
}
