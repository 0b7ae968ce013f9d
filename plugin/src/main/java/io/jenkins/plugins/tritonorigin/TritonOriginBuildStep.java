package io.jenkins.plugins.tritonorigin;

import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;
import org.tritondatacenter.origin.runner.StepEnvironment;

/**
 * {@code tritonOriginBuild}: builds the images of an images file through CloudAPI and returns what
 * it built, for {@code mantaExport}. Each field is the step contract's parameter of the same name;
 * an {@code images} path is read from the workspace and handed to core as {@code imagesJson}.
 * Lists, flags and numbers are kept as given (null when not given), for core to validate.
 */
public final class TritonOriginBuildStep extends Step {
  private static final org.tritondatacenter.origin.steps.Step CONTRACT =
      org.tritondatacenter.origin.steps.Step.TRITON_ORIGIN_BUILD;

  private String images;
  private String imagesJson;
  private Object only;
  private Object force;
  private Object allowKnownBrokenOrigin;
  private String version;
  private String branch;
  private String timestamp;
  private String gitCommit;
  private String cloudapi;
  private String imgapi;
  private String channel;
  private Object concurrency;
  private Object keepOnFailure;
  private Object timeoutMinutes;

  /** Creates the step; every parameter is optional. */
  @DataBoundConstructor
  public TritonOriginBuildStep() {}

  public String getImages() {
    return images;
  }

  @DataBoundSetter
  public void setImages(String images) {
    this.images = PlainValues.blankToNull(images);
  }

  public String getImagesJson() {
    return imagesJson;
  }

  @DataBoundSetter
  public void setImagesJson(String imagesJson) {
    this.imagesJson = PlainValues.blankToNull(imagesJson);
  }

  /** Returns the image names to build: a list, or a comma-separated string. */
  public Object getOnly() {
    return only;
  }

  @DataBoundSetter
  public void setOnly(Object only) {
    this.only = PlainValues.blankToNull(only);
  }

  /**
   * Returns whether to build even when the same spec is published: as given, or the contract's
   * default.
   */
  public Object getForce() {
    return PlainValues.flagOrDefault(CONTRACT, "force", force);
  }

  /**
   * Sets whether to build even when the same spec is published: a boolean, or its text ({@code
   * 'true'}, {@code 'false'}), as core takes it.
   */
  @DataBoundSetter
  public void setForce(Object force) {
    this.force = PlainValues.blankToNull(force);
  }

  /**
   * Returns whether to build from an origin known to be broken: as given, or the contract's
   * default.
   */
  public Object getAllowKnownBrokenOrigin() {
    return PlainValues.flagOrDefault(CONTRACT, "allowKnownBrokenOrigin", allowKnownBrokenOrigin);
  }

  /**
   * Sets whether to build from an origin known to be broken: a boolean, or its text ({@code
   * 'true'}, {@code 'false'}), as core takes it.
   */
  @DataBoundSetter
  public void setAllowKnownBrokenOrigin(Object allowKnownBrokenOrigin) {
    this.allowKnownBrokenOrigin = PlainValues.blankToNull(allowKnownBrokenOrigin);
  }

  public String getVersion() {
    return version;
  }

  @DataBoundSetter
  public void setVersion(String version) {
    this.version = PlainValues.blankToNull(version);
  }

  public String getBranch() {
    return branch;
  }

  @DataBoundSetter
  public void setBranch(String branch) {
    this.branch = PlainValues.blankToNull(branch);
  }

  public String getTimestamp() {
    return timestamp;
  }

  @DataBoundSetter
  public void setTimestamp(String timestamp) {
    this.timestamp = PlainValues.blankToNull(timestamp);
  }

  public String getGitCommit() {
    return gitCommit;
  }

  @DataBoundSetter
  public void setGitCommit(String gitCommit) {
    this.gitCommit = PlainValues.blankToNull(gitCommit);
  }

  public String getCloudapi() {
    return cloudapi;
  }

  @DataBoundSetter
  public void setCloudapi(String cloudapi) {
    this.cloudapi = PlainValues.blankToNull(cloudapi);
  }

  public String getImgapi() {
    return imgapi;
  }

  @DataBoundSetter
  public void setImgapi(String imgapi) {
    this.imgapi = PlainValues.blankToNull(imgapi);
  }

  public String getChannel() {
    return channel;
  }

  @DataBoundSetter
  public void setChannel(String channel) {
    this.channel = PlainValues.blankToNull(channel);
  }

  /** Returns how many images build at once as given, or null for the default. */
  public Object getConcurrency() {
    return concurrency;
  }

  /** Sets how many images build at once: a whole number or its text; empty means the default. */
  @DataBoundSetter
  public void setConcurrency(Object concurrency) {
    this.concurrency = PlainValues.blankToNull(concurrency);
  }

  /** Returns whether to keep a failed build's machine: as given, or the contract's default. */
  public Object getKeepOnFailure() {
    return PlainValues.flagOrDefault(CONTRACT, "keepOnFailure", keepOnFailure);
  }

  /**
   * Sets whether to keep a failed build's machine: a boolean, or its text ({@code 'true'}, {@code
   * 'false'}), as core takes it.
   */
  @DataBoundSetter
  public void setKeepOnFailure(Object keepOnFailure) {
    this.keepOnFailure = PlainValues.blankToNull(keepOnFailure);
  }

  /** Returns each image's deadline in minutes as given, or null for the default. */
  public Object getTimeoutMinutes() {
    return timeoutMinutes;
  }

  /** Sets each image's deadline in minutes: a whole number or its text; empty means the default. */
  @DataBoundSetter
  public void setTimeoutMinutes(Object timeoutMinutes) {
    this.timeoutMinutes = PlainValues.blankToNull(timeoutMinutes);
  }

  /** Returns the arguments for core, named as in the step contract. */
  Map<String, Object> arguments() {
    Map<String, Object> arguments = new LinkedHashMap<>();
    PlainValues.putIfSet(arguments, "images", images);
    PlainValues.putIfSet(arguments, "imagesJson", imagesJson);
    PlainValues.putIfSet(arguments, "only", only);
    PlainValues.putFlag(arguments, CONTRACT, "force", force);
    PlainValues.putFlag(arguments, CONTRACT, "allowKnownBrokenOrigin", allowKnownBrokenOrigin);
    PlainValues.putIfSet(arguments, "version", version);
    PlainValues.putIfSet(arguments, "branch", branch);
    PlainValues.putIfSet(arguments, "timestamp", timestamp);
    PlainValues.putIfSet(arguments, "gitCommit", gitCommit);
    PlainValues.putIfSet(arguments, "cloudapi", cloudapi);
    PlainValues.putIfSet(arguments, "imgapi", imgapi);
    PlainValues.putIfSet(arguments, "channel", channel);
    PlainValues.putIfSet(arguments, "concurrency", concurrency);
    PlainValues.putFlag(arguments, CONTRACT, "keepOnFailure", keepOnFailure);
    PlainValues.putIfSet(arguments, "timeoutMinutes", timeoutMinutes);
    return arguments;
  }

  @Override
  public StepExecution start(StepContext context) {
    return new Execution(context, arguments());
  }

  /** Runs the build; reads the images file from the workspace first. */
  static final class Execution extends OperationExecution {
    private static final long serialVersionUID = 1L;

    /**
     * The workspace path the images file was read from, or null when the Pipeline gave its text;
     * saved with the execution, as the arguments keep only the text after the first start.
     */
    private volatile String imagesFile;

    Execution(StepContext context, Map<String, Object> arguments) {
      super(context, arguments);
    }

    @Override
    org.tritondatacenter.origin.steps.Step operation() {
      return CONTRACT;
    }

    @Override
    boolean prepare(Map<String, Object> arguments, FilePath workspace, BuildLog log)
        throws IOException, InterruptedException {
      String read = WorkspaceFiles.readImages(arguments, workspace, log);
      if (read == null) {
        return false;
      }
      imagesFile = read;
      return true;
    }

    /** Names the images file by its workspace path in core's messages about its content. */
    @Override
    void describe(StepEnvironment.Builder environment) {
      if (imagesFile != null) {
        environment.imagesSource(imagesFile);
      }
    }
  }

  /** Describes the step to Pipeline and to the Snippet Generator. */
  @Extension
  public static final class DescriptorImpl extends StepDescriptor {
    @Override
    public String getFunctionName() {
      return "tritonOriginBuild";
    }

    @Override
    public String getDisplayName() {
      return "Build Triton origin images through CloudAPI";
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class);
    }

    /** Binds the form; the {@code Object} parameters are set here, as Stapler cannot bind them. */
    @Override
    public Step newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
      TritonOriginBuildStep step =
          (TritonOriginBuildStep)
              super.newInstance(
                  req,
                  FormValues.without(
                      formData,
                      "only",
                      "force",
                      "allowKnownBrokenOrigin",
                      "concurrency",
                      "keepOnFailure",
                      "timeoutMinutes"));
      step.setOnly(FormValues.list(formData, "only"));
      step.setForce(FormValues.flag(formData, "force"));
      step.setAllowKnownBrokenOrigin(FormValues.flag(formData, "allowKnownBrokenOrigin"));
      step.setConcurrency(FormValues.number(formData, "concurrency"));
      step.setKeepOnFailure(FormValues.flag(formData, "keepOnFailure"));
      step.setTimeoutMinutes(FormValues.number(formData, "timeoutMinutes"));
      return step;
    }
  }
}
