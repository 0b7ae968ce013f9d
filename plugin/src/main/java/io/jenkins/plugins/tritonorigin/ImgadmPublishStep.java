package io.jenkins.plugins.tritonorigin;

import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ListBoxModel;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.tritondatacenter.origin.steps.StepParameter;

/**
 * {@code imgadmPublish}: publishes images to an IMGAPI server and channel, from what {@code
 * mantaExport} returned, from a Manta build directory, from one manifest and file, or from another
 * IMGAPI server. Each field is the step contract's parameter of the same name; the list and the
 * flag are kept as given (null when not given), for core to validate.
 *
 * <p>Inside {@code node {}} on an agent the image files stream on that agent; elsewhere they stream
 * through the controller.
 */
public final class ImgadmPublishStep extends Step {
  private static final org.tritondatacenter.origin.steps.Step CONTRACT =
      org.tritondatacenter.origin.steps.Step.IMGADM_PUBLISH;

  private Map<String, Object> export;
  private String from;
  private String manifest;
  private String file;
  private String sourceImgapi;
  private Object uuids;
  private String imgapi;
  private String channel;
  private String fileSource;
  private Object makePublic;

  /** Creates the step; exactly one source form must then be set. */
  @DataBoundConstructor
  public ImgadmPublishStep() {}

  /** Returns what {@code mantaExport} returned, or null. */
  public Map<String, Object> getExport() {
    return export;
  }

  @DataBoundSetter
  public void setExport(Map<String, Object> export) {
    this.export = export == null ? null : PlainValues.copyMap(export);
  }

  public String getFrom() {
    return from;
  }

  @DataBoundSetter
  public void setFrom(String from) {
    this.from = PlainValues.blankToNull(from);
  }

  public String getManifest() {
    return manifest;
  }

  @DataBoundSetter
  public void setManifest(String manifest) {
    this.manifest = PlainValues.blankToNull(manifest);
  }

  public String getFile() {
    return file;
  }

  @DataBoundSetter
  public void setFile(String file) {
    this.file = PlainValues.blankToNull(file);
  }

  public String getSourceImgapi() {
    return sourceImgapi;
  }

  @DataBoundSetter
  public void setSourceImgapi(String sourceImgapi) {
    this.sourceImgapi = PlainValues.blankToNull(sourceImgapi);
  }

  /** Returns the image UUIDs to copy: a list, or a comma-separated string. */
  public Object getUuids() {
    return uuids;
  }

  @DataBoundSetter
  public void setUuids(Object uuids) {
    this.uuids = PlainValues.blankToNull(uuids);
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

  public String getFileSource() {
    return fileSource;
  }

  @DataBoundSetter
  public void setFileSource(String fileSource) {
    this.fileSource = PlainValues.blankToNull(fileSource);
  }

  /** Returns whether to publish with {@code public: true}: as given, or the contract's default. */
  public Object getMakePublic() {
    return PlainValues.flagOrDefault(CONTRACT, "makePublic", makePublic);
  }

  /**
   * Sets whether to publish with {@code public: true}: a boolean, or its text ({@code 'true'},
   * {@code 'false'}), as core takes it.
   */
  @DataBoundSetter
  public void setMakePublic(Object makePublic) {
    this.makePublic = PlainValues.blankToNull(makePublic);
  }

  /** Returns the arguments for core, named as in the step contract. */
  Map<String, Object> arguments() {
    Map<String, Object> arguments = new LinkedHashMap<>();
    PlainValues.putIfSet(arguments, "export", export);
    PlainValues.putIfSet(arguments, "from", from);
    PlainValues.putIfSet(arguments, "manifest", manifest);
    PlainValues.putIfSet(arguments, "file", file);
    PlainValues.putIfSet(arguments, "sourceImgapi", sourceImgapi);
    PlainValues.putIfSet(arguments, "uuids", uuids);
    PlainValues.putIfSet(arguments, "imgapi", imgapi);
    PlainValues.putIfSet(arguments, "channel", channel);
    PlainValues.putIfSet(arguments, "fileSource", fileSource);
    PlainValues.putFlag(arguments, CONTRACT, "makePublic", makePublic);
    return arguments;
  }

  @Override
  public StepExecution start(StepContext context) {
    return new Execution(context, arguments());
  }

  /** Runs the publish, on the agent when there is one. */
  static final class Execution extends OperationExecution {
    private static final long serialVersionUID = 1L;

    Execution(StepContext context, Map<String, Object> arguments) {
      super(context, arguments);
    }

    @Override
    org.tritondatacenter.origin.steps.Step operation() {
      return CONTRACT;
    }

    @Override
    boolean streamsImageFiles() {
      return true;
    }

    /** Makes relative manifest and file paths absolute within the workspace. */
    @Override
    boolean prepare(Map<String, Object> arguments, FilePath workspace, BuildLog log)
        throws IOException, InterruptedException {
      return WorkspaceFiles.resolvePaths(arguments, workspace, "manifest", "file");
    }
  }

  /** Describes the step to Pipeline and to the Snippet Generator. */
  @Extension
  public static final class DescriptorImpl extends StepDescriptor {
    @Override
    public String getFunctionName() {
      return "imgadmPublish";
    }

    @Override
    public String getDisplayName() {
      return "Publish Triton images to an IMGAPI server";
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class);
    }

    /**
     * Binds the form; {@code uuids} and {@code makePublic} are set here, as Stapler cannot bind an
     * {@code Object}.
     */
    @Override
    public Step newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
      ImgadmPublishStep step =
          (ImgadmPublishStep)
              super.newInstance(req, FormValues.without(formData, "uuids", "makePublic"));
      step.setUuids(FormValues.list(formData, "uuids"));
      step.setMakePublic(FormValues.flag(formData, "makePublic"));
      return step;
    }

    /** Lists the ways the file can reach IMGAPI, from core's step contract. */
    public ListBoxModel doFillFileSourceItems() {
      ListBoxModel items = new ListBoxModel();
      items.add("(default)", "");
      List<String> choices =
          org.tritondatacenter.origin.steps.Step.IMGADM_PUBLISH
              .parameter("fileSource")
              .map(StepParameter::choices)
              .orElse(List.of());
      for (String choice : choices) {
        items.add(choice, choice);
      }
      return items;
    }
  }
}
