package io.jenkins.plugins.tritonorigin;

import hudson.model.Run;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;
import org.tritondatacenter.origin.steps.Step;

/**
 * Summarises on the build's page what its steps built, exported, published and promoted, with links
 * to the Manta build directory and to the IMGAPI images. One action per build collects the lines of
 * all its steps.
 */
public final class TritonOriginAction implements RunAction2 {
  private static final Logger LOGGER = Logger.getLogger(TritonOriginAction.class.getName());
  private static final Object LOCK = new Object();

  private final List<Line> lines = new ArrayList<>();
  private transient Run<?, ?> run;

  /** Records what one step did on its build; a failure here never fails the step. */
  static void record(
      Run<?, ?> run, Step operation, Map<String, Object> arguments, Map<String, Object> result) {
    try {
      List<Line> added =
          Summaries.lines(operation, arguments, result, TritonOriginConfiguration.get());
      if (added.isEmpty()) {
        return;
      }
      synchronized (LOCK) {
        TritonOriginAction action = run.getAction(TritonOriginAction.class);
        if (action == null) {
          action = new TritonOriginAction();
          run.addAction(action);
        }
        synchronized (action.lines) {
          action.lines.addAll(added);
        }
      }
      run.save();
    } catch (IOException | RuntimeException e) {
      LOGGER.log(Level.WARNING, "could not summarise " + operation + " on " + run, e);
    }
  }

  /** Returns the summary lines, oldest first. */
  public List<Line> getLines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /** Returns the build this action belongs to. */
  public Run<?, ?> getRun() {
    return run;
  }

  @Override
  public String getIconFileName() {
    return null;
  }

  @Override
  public String getDisplayName() {
    return "Triton images";
  }

  @Override
  public String getUrlName() {
    return null;
  }

  @Override
  public void onAttached(Run<?, ?> r) {
    this.run = r;
  }

  @Override
  public void onLoad(Run<?, ?> r) {
    this.run = r;
  }

  /** One line of the summary: a sentence, and a link when there is something to open. */
  public static final class Line {
    private final String text;
    private final String url;

    Line(String text, String url) {
      this.text = text;
      this.url = url;
    }

    public String getText() {
      return text;
    }

    /** Returns an http or https link, or null. */
    public String getUrl() {
      return url;
    }
  }
}
