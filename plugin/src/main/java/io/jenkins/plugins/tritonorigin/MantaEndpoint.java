package io.jenkins.plugins.tritonorigin;

import hudson.Extension;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.tritondatacenter.origin.Service;

/** A Manta endpoint: the object store {@code mantaExport} writes the builds layout to. */
public final class MantaEndpoint extends TritonEndpoint<MantaEndpoint> {
  private String user;
  private String subUser;

  /** Creates an endpoint from the form or from Configuration as Code. */
  @DataBoundConstructor
  public MantaEndpoint(String name, String url, String credentialsId) {
    super(name, url, credentialsId);
  }

  /** Returns the Manta user (the account), or null to use the credentials' user name. */
  public String getUser() {
    return user;
  }

  /** Sets the Manta user whose {@code /<user>/public} tree holds the builds. */
  @DataBoundSetter
  public void setUser(String user) {
    this.user = trimToNull(user);
  }

  /** Returns the sub-user that signs, or null to sign as the account itself. */
  public String getSubUser() {
    return subUser;
  }

  /** Sets the sub-user that signs; blank means the account itself. */
  @DataBoundSetter
  public void setSubUser(String subUser) {
    this.subUser = trimToNull(subUser);
  }

  @Override
  Service service() {
    return Service.MANTA;
  }

  @Override
  String subUser() {
    return subUser;
  }

  @Override
  String login() {
    return user;
  }

  /** Describes Manta endpoints in forms. */
  @Extension
  public static final class DescriptorImpl extends EndpointDescriptor<MantaEndpoint> {
    @Override
    public String getDisplayName() {
      return "Manta endpoint";
    }
  }
}
