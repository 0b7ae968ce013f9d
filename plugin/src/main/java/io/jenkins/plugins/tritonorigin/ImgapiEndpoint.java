package io.jenkins.plugins.tritonorigin;

import hudson.Extension;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.tritondatacenter.origin.Service;

/**
 * An IMGAPI endpoint: an update server such as {@code updates.tritondatacenter.com}, or a public
 * image server, that {@code imgadmPublish} and {@code imgadmChannelAdd} work on.
 */
public final class ImgapiEndpoint extends TritonEndpoint<ImgapiEndpoint> {
  private String user;
  private String defaultChannel;

  /** Creates an endpoint from the form or from Configuration as Code. */
  @DataBoundConstructor
  public ImgapiEndpoint(String name, String url, String credentialsId) {
    super(name, url, credentialsId);
  }

  /** Returns the IMGAPI user, or null to use the credentials' user name. */
  public String getUser() {
    return user;
  }

  /** Sets the user IMGAPI knows the signing key by. */
  @DataBoundSetter
  public void setUser(String user) {
    this.user = trimToNull(user);
  }

  /** Returns the channel used when a step names none, or null for the server's default. */
  public String getDefaultChannel() {
    return defaultChannel;
  }

  /** Sets the channel used when a step names none; blank means the server's default. */
  @DataBoundSetter
  public void setDefaultChannel(String defaultChannel) {
    this.defaultChannel = trimToNull(defaultChannel);
  }

  @Override
  Service service() {
    return Service.IMGAPI;
  }

  @Override
  String login() {
    return user;
  }

  @Override
  String defaultChannel() {
    return defaultChannel;
  }

  /** Describes IMGAPI endpoints in forms. */
  @Extension
  public static final class DescriptorImpl extends EndpointDescriptor<ImgapiEndpoint> {
    @Override
    public String getDisplayName() {
      return "IMGAPI endpoint";
    }
  }
}
