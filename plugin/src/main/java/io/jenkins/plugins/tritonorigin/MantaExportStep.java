package io.jenkins.plugins.tritonorigin;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
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

/**
 * {@code mantaExport}: exports what {@code tritonOriginBuild} built to a Manta builds directory and
 * returns what it wrote, for {@code imgadmPublish}. Each field is the step contract's parameter of
 * the same name; the flag is kept as given (null when not given), for core to validate.
 */
public final class MantaExportStep extends Step {
  private static final org.tritondatacenter.origin.steps.Step CONTRACT =
      org.tritondatacenter.origin.steps.Step.MANTA_EXPORT;

  private final Map<String, Object> build;
  private String manta;
  private String cloudapi;
  private String project;
  private String path;
  private Object deleteImages;

  /**
   * Creates the step.
   *
   * @param build the map {@code tritonOriginBuild} returned
   */
  @DataBoundConstructor
  public MantaExportStep(Map<String, Object> build) {
    this.build = build == null ? null : PlainValues.copyMap(build);
  }

  /** Returns what {@code tritonOriginBuild} returned. */
  public Map<String, Object> getBuild() {
    return build;
  }

  public String getManta() {
    return manta;
  }

  @DataBoundSetter
  public void setManta(String manta) {
    this.manta = PlainValues.blankToNull(manta);
  }

  public String getCloudapi() {
    return cloudapi;
  }

  @DataBoundSetter
  public void setCloudapi(String cloudapi) {
    this.cloudapi = PlainValues.blankToNull(cloudapi);
  }

  public String getProject() {
    return project;
  }

  @DataBoundSetter
  public void setProject(String project) {
    this.project = PlainValues.blankToNull(project);
  }

  public String getPath() {
    return path;
  }

  @DataBoundSetter
  public void setPath(String path) {
    this.path = PlainValues.blankToNull(path);
  }

  /**
   * Returns whether to delete the datacenter images once exported: as given, or the contract's
   * default.
   */
  public Object getDeleteImages() {
    return PlainValues.flagOrDefault(CONTRACT, "deleteImages", deleteImages);
  }

  /**
   * Sets whether to delete the datacenter images once exported: a boolean, or its text ({@code
   * 'true'}, {@code 'false'}), as core takes it.
   */
  @DataBoundSetter
  public void setDeleteImages(Object deleteImages) {
    this.deleteImages = PlainValues.blankToNull(deleteImages);
  }

  /** Returns the arguments for core, named as in the step contract. */
  Map<String, Object> arguments() {
    Map<String, Object> arguments = new LinkedHashMap<>();
    PlainValues.putIfSet(arguments, "build", build);
    PlainValues.putIfSet(arguments, "manta", manta);
    PlainValues.putIfSet(arguments, "cloudapi", cloudapi);
    PlainValues.putIfSet(arguments, "project", project);
    PlainValues.putIfSet(arguments, "path", path);
    PlainValues.putFlag(arguments, CONTRACT, "deleteImages", deleteImages);
    return arguments;
  }

  @Override
  public StepExecution start(StepContext context) {
    return new Execution(context, arguments());
  }

  /** Runs the export. */
  static final class Execution extends OperationExecution {
    private static final long serialVersionUID = 1L;

    Execution(StepContext context, Map<String, Object> arguments) {
      super(context, arguments);
    }

    @Override
    org.tritondatacenter.origin.steps.Step operation() {
      return CONTRACT;
    }
  }

  /** Describes the step to Pipeline and to the Snippet Generator. */
  @Extension
  public static final class DescriptorImpl extends StepDescriptor {
    @Override
    public String getFunctionName() {
      return "mantaExport";
    }

    @Override
    public String getDisplayName() {
      return "Export built Triton images to Manta";
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class);
    }

    /**
     * Binds the form; {@code deleteImages} is set here, as Stapler cannot bind an {@code Object}.
     */
    @Override
    public Step newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
      MantaExportStep step =
          (MantaExportStep) super.newInstance(req, FormValues.without(formData, "deleteImages"));
      step.setDeleteImages(FormValues.flag(formData, "deleteImages"));
      return step;
    }
  }
}
