package org.tritondatacenter.origin.pipelines;

import com.lesfurets.jenkins.unit.BasePipelineTest;
import com.lesfurets.jenkins.unit.MethodCall;
import groovy.lang.Closure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tritondatacenter.origin.steps.Step;

/**
 * Loads a Jenkinsfile from the repository root with the Pipeline steps it uses registered, and
 * records the calls of the triton-origin steps with their arguments. Every such call is checked
 * against core's step contract ({@link Step#validate}), so the Jenkinsfiles cannot drift from the
 * steps.
 */
final class PipelineHarness extends BasePipelineTest {
  /** The four steps the plugin provides. */
  static final List<String> STEPS =
      List.of("tritonOriginBuild", "mantaExport", "imgadmPublish", "imgadmChannelAdd");

  /** The commit {@code checkout scm} answers with, as the Git plugin's GIT_COMMIT. */
  static final String CHECKED_OUT_COMMIT = "abcdef1234567890abcdef1234567890abcdef12";

  private final Map<String, Function<Map<String, Object>, Object>> answers = new LinkedHashMap<>();
  private final Map<String, RuntimeException> failures = new LinkedHashMap<>();
  private String branch;

  PipelineHarness() {
    // The Jenkinsfiles live at the repository root; tests run in the pipelines/ module.
    setScriptRoots(new String[] {".."});
    setScriptExtension("");
  }

  /** Prepares the interpreter for a branch and build parameters. */
  void start(String branch, Map<String, Object> params) throws Exception {
    super.setUp();
    this.branch = branch;
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("BRANCH_NAME", branch);
    getBinding().setVariable("env", env);
    getBinding().setVariable("params", new LinkedHashMap<>(params));
    getBinding().setVariable("scm", Map.of("type", "git"));
    Map<String, Object> currentBuild = new LinkedHashMap<>();
    currentBuild.put("result", "SUCCESS");
    getBinding().setVariable("currentBuild", currentBuild);

    for (String name : List.of("properties", "parameters")) {
      allow(name, Object.class);
    }
    // Jenkins' checkout returns the SCM's variables, GIT_COMMIT among them.
    getHelper()
        .registerAllowedMethod(
            "checkout",
            List.of(Map.class),
            new Closure<Object>(this) {
              @Override
              public Object call(Object... args) {
                Map<String, Object> vars = new LinkedHashMap<>();
                vars.put("GIT_COMMIT", CHECKED_OUT_COMMIT);
                vars.put("GIT_BRANCH", "origin/" + branch);
                return vars;
              }
            });
    allow("string", Map.class);
    allow("booleanParam", Map.class);
    allow("writeFile", Map.class);
    allow("archiveArtifacts", Map.class);
    // JenkinsPipelineUnit's own `error` only marks the build; Jenkins' stops the script.
    getHelper()
        .registerAllowedMethod(
            "error",
            List.of(String.class),
            new Closure<Object>(this) {
              @Override
              public Object call(Object... args) {
                updateBuildStatus("FAILURE");
                throw new PipelineError(String.valueOf(args[0]));
              }
            });
    for (String step : STEPS) {
      getHelper()
          .registerAllowedMethod(
              step,
              List.of(Map.class),
              new Closure<Object>(this) {
                @Override
                public Object call(Object... args) {
                  @SuppressWarnings("unchecked")
                  Map<String, Object> arguments = (Map<String, Object>) args[0];
                  // The plugin validates against the same table, so a call that does not fit the
                  // contract fails here exactly as it would in Jenkins.
                  Step.forFunctionName(step).orElseThrow().validate(arguments);
                  RuntimeException failure = failures.get(step);
                  if (failure != null) {
                    throw failure;
                  }
                  Function<Map<String, Object>, Object> answer = answers.get(step);
                  return answer == null ? Map.of() : answer.apply(arguments);
                }
              });
    }
  }

  private void allow(String name, Class<?> argument) {
    getHelper().registerAllowedMethod(name, List.of(argument), (Closure<?>) null);
  }

  /** Returns the build's environment ({@code env}), for a test to add variables to. */
  @SuppressWarnings("unchecked")
  Map<String, Object> environment() {
    return (Map<String, Object>) getBinding().getVariable("env");
  }

  /** Answers calls of a step with a computed result map. */
  void answer(String step, Function<Map<String, Object>, Object> answer) {
    answers.put(step, answer);
  }

  /** Makes a step fail, as a Jenkins step fails with an AbortException. */
  void fail(String step, RuntimeException failure) {
    failures.put(step, failure);
  }

  /** Returns the argument maps of every call of a step, in order. */
  List<Map<String, Object>> calls(String step) {
    List<Map<String, Object>> calls = new ArrayList<>();
    for (MethodCall call : getHelper().getCallStack()) {
      if (call.getMethodName().equals(step)) {
        @SuppressWarnings("unchecked")
        Map<String, Object> arguments = (Map<String, Object>) call.getArgs()[0];
        calls.add(arguments);
      }
    }
    return calls;
  }

  /** Returns the names of every method the script called, in order. */
  List<String> callNames() {
    List<String> names = new ArrayList<>();
    getHelper().getCallStack().forEach(c -> names.add(c.getMethodName()));
    return names;
  }

  /** What Jenkins' {@code error} step throws: a failure with a message and no stack trace. */
  static final class PipelineError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PipelineError(String message) {
      super(message);
    }
  }

  String status() {
    @SuppressWarnings("unchecked")
    Map<String, Object> currentBuild =
        (Map<String, Object>) getBinding().getVariable("currentBuild");
    return String.valueOf(currentBuild.get("result"));
  }
}
