package io.jenkins.plugins.tritonorigin;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.net.URI;
import java.net.URISyntaxException;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.tritondatacenter.origin.Service;

/**
 * One named endpoint of a Triton service in the global configuration: where it is, which SSH
 * credentials sign its requests, and whether it is the service's default. Steps pick endpoints by
 * name and never see URLs or credentials ids.
 *
 * @param <T> the concrete endpoint type
 */
public abstract class TritonEndpoint<T extends TritonEndpoint<T>>
    extends AbstractDescribableImpl<T> {
  private final String name;
  private final String url;
  private final String credentialsId;
  private boolean insecure;
  private boolean defaultEndpoint;

  TritonEndpoint(String name, String url, String credentialsId) {
    this.name = trimToNull(name);
    this.url = trimToNull(url);
    this.credentialsId = trimToNull(credentialsId);
  }

  /** Returns the name steps use to pick this endpoint, such as {@code us-east-1}. */
  public String getName() {
    return name;
  }

  /** Returns the base URL, such as {@code https://us-east-1.api.example.com}. */
  public String getUrl() {
    return url;
  }

  /** Returns the id of the SSH credentials whose key signs the requests. */
  public String getCredentialsId() {
    return credentialsId;
  }

  /** Returns true when TLS certificate verification is off for this endpoint. */
  public boolean isInsecure() {
    return insecure;
  }

  /**
   * Turns TLS certificate verification off; only for test servers with self-signed certificates.
   */
  @DataBoundSetter
  public void setInsecure(boolean insecure) {
    this.insecure = insecure;
  }

  /** Returns true when steps use this endpoint if they name none. */
  public boolean isDefaultEndpoint() {
    return defaultEndpoint;
  }

  /** Marks this endpoint as the service's default. */
  @DataBoundSetter
  public void setDefaultEndpoint(boolean defaultEndpoint) {
    this.defaultEndpoint = defaultEndpoint;
  }

  /** Returns the service this endpoint talks to. */
  abstract Service service();

  /** Returns the account or user configured here, or null to use the credentials' user name. */
  abstract String login();

  /** Returns the sub-user that signs, or null to sign as the account itself. */
  String subUser() {
    return null;
  }

  /** Returns the IMGAPI channel used when a step names none, or null. */
  String defaultChannel() {
    return null;
  }

  /** Describes the endpoint for messages, such as {@code the CloudAPI endpoint 'us-east-1'}. */
  String describe() {
    return "the " + service().displayName() + " endpoint '" + name + "'";
  }

  static String trimToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  /** Returns what is wrong with a URL, or null when it is an absolute http or https URL. */
  static String urlProblem(String url) {
    if (url == null || url.isBlank()) {
      return "a URL is required, such as https://us-east-1.api.example.com";
    }
    try {
      URI uri = new URI(url.trim());
      String scheme = uri.getScheme();
      if (scheme == null || !(scheme.equals("https") || scheme.equals("http"))) {
        return "the URL must start with https:// (or http:// for a test server)";
      }
      if (uri.getHost() == null) {
        return "the URL has no host name";
      }
      return null;
    } catch (URISyntaxException e) {
      return "not a valid URL: " + e.getReason();
    }
  }

  /** The shared form behaviour of the three endpoint kinds. */
  public abstract static class EndpointDescriptor<T extends TritonEndpoint<T>>
      extends Descriptor<T> {

    /**
     * Lists the SSH credentials an administrator may pick. Others get only the current value, so
     * the list does not reveal which credentials exist.
     */
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
      StandardListBoxModel result = new StandardListBoxModel();
      if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
        return result.includeCurrentValue(credentialsId);
      }
      return result
          .includeEmptyValue()
          .includeAs(ACL.SYSTEM2, Jenkins.get(), SSHUserPrivateKey.class)
          .includeCurrentValue(credentialsId);
    }

    /** Checks the URL's form; nothing is contacted. */
    public FormValidation doCheckUrl(@QueryParameter String value) {
      String problem = urlProblem(value);
      return problem == null ? FormValidation.ok() : FormValidation.error(problem);
    }

    /** Checks that the name is a word steps can write. */
    public FormValidation doCheckName(@QueryParameter String value) {
      if (value == null || value.isBlank()) {
        return FormValidation.error("a name is required; steps pick endpoints by it");
      }
      if (!value.trim().matches("[A-Za-z0-9._-]{1,64}")) {
        return FormValidation.error(
            "use ASCII letters, digits, '.', '_' and '-' (at most 64), such as us-east-1");
      }
      return FormValidation.ok();
    }

    /** Reminds that a credential is needed. */
    public FormValidation doCheckCredentialsId(@QueryParameter String value) {
      return value == null || value.isBlank()
          ? FormValidation.error("choose the SSH credentials whose key signs the requests")
          : FormValidation.ok();
    }
  }
}
