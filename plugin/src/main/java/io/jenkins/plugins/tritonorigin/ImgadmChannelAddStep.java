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
 * {@code imgadmChannelAdd}: adds published images to more channels of an IMGAPI server, as a
 * release promotes them from {@code dev} to {@code staging}, {@code release} and {@code support}.
 * Each field is the step contract's parameter of the same name; lists and flags are kept as given
 * (null when not given), for core to validate.
 */
public final class ImgadmChannelAddStep extends Step {
  private static final org.tritondatacenter.origin.steps.Step CONTRACT =
      org.tritondatacenter.origin.steps.Step.IMGADM_CHANNEL_ADD;

  private Object channels;
  private String imgapi;
  private String fromChannel;
  private Object uuids;
  private String name;
  private String version;
  private Object latest;
  private Object dryRun;

  /**
   * Creates the step.
   *
   * @param channels the channels to add the images to: a list, or a comma-separated string
   */
  @DataBoundConstructor
  public ImgadmChannelAddStep(Object channels) {
    this.channels = PlainValues.blankToNull(channels);
  }

  /** Returns the channels: a list, or a comma-separated string. */
  public Object getChannels() {
    return channels;
  }

  /** Sets the channels from the form, which Stapler cannot bind to the constructor. */
  void replaceChannels(Object channels) {
    this.channels = PlainValues.blankToNull(channels);
  }

  public String getImgapi() {
    return imgapi;
  }

  @DataBoundSetter
  public void setImgapi(String imgapi) {
    this.imgapi = PlainValues.blankToNull(imgapi);
  }

  public String getFromChannel() {
    return fromChannel;
  }

  @DataBoundSetter
  public void setFromChannel(String fromChannel) {
    this.fromChannel = PlainValues.blankToNull(fromChannel);
  }

  /** Returns the images to add: a list of UUIDs, or a comma-separated string. */
  public Object getUuids() {
    return uuids;
  }

  @DataBoundSetter
  public void setUuids(Object uuids) {
    this.uuids = PlainValues.blankToNull(uuids);
  }

  public String getName() {
    return name;
  }

  @DataBoundSetter
  public void setName(String name) {
    this.name = PlainValues.blankToNull(name);
  }

  public String getVersion() {
    return version;
  }

  @DataBoundSetter
  public void setVersion(String version) {
    this.version = PlainValues.blankToNull(version);
  }

  /**
   * Returns whether to keep only the newest selected image per name: as given, or the contract's
   * default.
   */
  public Object getLatest() {
    return PlainValues.flagOrDefault(CONTRACT, "latest", latest);
  }

  /**
   * Sets whether to keep only the newest selected image per name: a boolean, or its text ({@code
   * 'true'}, {@code 'false'}), as core takes it.
   */
  @DataBoundSetter
  public void setLatest(Object latest) {
    this.latest = PlainValues.blankToNull(latest);
  }

  /**
   * Returns whether to list what would change without changing it: as given, or the contract's
   * default.
   */
  public Object getDryRun() {
    return PlainValues.flagOrDefault(CONTRACT, "dryRun", dryRun);
  }

  /**
   * Sets whether to list what would change without changing it: a boolean, or its text ({@code
   * 'true'}, {@code 'false'}), as core takes it.
   */
  @DataBoundSetter
  public void setDryRun(Object dryRun) {
    this.dryRun = PlainValues.blankToNull(dryRun);
  }

  /** Returns the arguments for core, named as in the step contract. */
  Map<String, Object> arguments() {
    Map<String, Object> arguments = new LinkedHashMap<>();
    PlainValues.putIfSet(arguments, "imgapi", imgapi);
    PlainValues.putIfSet(arguments, "fromChannel", fromChannel);
    PlainValues.putIfSet(arguments, "channels", channels);
    PlainValues.putIfSet(arguments, "uuids", uuids);
    PlainValues.putIfSet(arguments, "name", name);
    PlainValues.putIfSet(arguments, "version", version);
    PlainValues.putFlag(arguments, CONTRACT, "latest", latest);
    PlainValues.putFlag(arguments, CONTRACT, "dryRun", dryRun);
    return arguments;
  }

  @Override
  public StepExecution start(StepContext context) {
    return new Execution(context, arguments());
  }

  /** Runs the channel additions. */
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
      return "imgadmChannelAdd";
    }

    @Override
    public String getDisplayName() {
      return "Add Triton images to IMGAPI channels";
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class);
    }

    /**
     * Binds the form; {@code channels}, {@code uuids} and the flags are set here, as Stapler cannot
     * bind an {@code Object}.
     */
    @Override
    public Step newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
      ImgadmChannelAddStep step =
          (ImgadmChannelAddStep)
              super.newInstance(
                  req, FormValues.without(formData, "channels", "uuids", "latest", "dryRun"));
      step.replaceChannels(FormValues.list(formData, "channels"));
      step.setUuids(FormValues.list(formData, "uuids"));
      step.setLatest(FormValues.flag(formData, "latest"));
      step.setDryRun(FormValues.flag(formData, "dryRun"));
      return step;
    }
  }
}
