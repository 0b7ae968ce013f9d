package io.jenkins.plugins.tritonorigin;

import hudson.Extension;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.tritondatacenter.origin.Service;

/** A CloudAPI endpoint: the datacenter where {@code tritonOriginBuild} provisions machines. */
public final class CloudApiEndpoint extends TritonEndpoint<CloudApiEndpoint> {
  private String account;
  private String subUser;

  /** Creates an endpoint from the form or from Configuration as Code. */
  @DataBoundConstructor
  public CloudApiEndpoint(String name, String url, String credentialsId) {
    super(name, url, credentialsId);
  }

  /** Returns the account, or null to use the credentials' user name. */
  public String getAccount() {
    return account;
  }

  /** Sets the account the machines and images belong to; blank means the credentials' user. */
  @DataBoundSetter
  public void setAccount(String account) {
    this.account = trimToNull(account);
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
    return Service.CLOUDAPI;
  }

  @Override
  String subUser() {
    return subUser;
  }

  @Override
  String login() {
    return account;
  }

  /** Describes CloudAPI endpoints in forms. */
  @Extension
  public static final class DescriptorImpl extends EndpointDescriptor<CloudApiEndpoint> {
    @Override
    public String getDisplayName() {
      return "CloudAPI endpoint";
    }
  }
}
