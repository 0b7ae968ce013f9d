package io.jenkins.plugins.tritonorigin;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.model.Run;
import hudson.util.Secret;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.runner.EndpointResolver;
import org.tritondatacenter.origin.runner.ResolvedEndpoint;

/**
 * Resolves the endpoint names a step uses from the global configuration and the credentials store,
 * in the context of the build: the credentials are looked up as the build may use them and their
 * use is recorded on the build.
 *
 * <p>Every failure is a {@link TritonException} whose message names the endpoint and the
 * credentials id and says what to fix; the step reports it as a plain error.
 */
final class JenkinsEndpoints implements EndpointResolver {
  private final Run<?, ?> run;
  private final Map<Key, EndpointSpec> resolved = new ConcurrentHashMap<>();

  JenkinsEndpoints(Run<?, ?> run) {
    this.run = run;
  }

  @Override
  public ResolvedEndpoint resolve(Service service, String name) {
    return spec(service, name).toResolved();
  }

  /** Returns the endpoint with its key as text; looked up once per build step. */
  EndpointSpec spec(Service service, String name) {
    return resolved.computeIfAbsent(new Key(service, name), k -> lookUp(service, name));
  }

  private EndpointSpec lookUp(Service service, String name) {
    TritonEndpoint<?> endpoint = TritonOriginConfiguration.get().find(service, name);
    String what = endpoint.describe();
    String urlProblem = TritonEndpoint.urlProblem(endpoint.getUrl());
    if (urlProblem != null) {
      throw new TritonException(what + " has no usable URL: " + urlProblem);
    }
    SSHUserPrivateKey credentials = credentials(endpoint.getCredentialsId(), what);
    List<String> keys = credentials.getPrivateKeys();
    if (keys.isEmpty() || keys.get(0).isBlank()) {
      throw new TritonException(
          what
              + " uses credentials '"
              + endpoint.getCredentialsId()
              + "', which hold no private key; paste the key into the credentials");
    }
    String login = endpoint.login() != null ? endpoint.login() : credentials.getUsername();
    if (login == null || login.isBlank()) {
      throw new TritonException(
          what
              + " has no account: set it on the endpoint, or as the user name of credentials '"
              + endpoint.getCredentialsId()
              + "'");
    }
    Secret passphrase = credentials.getPassphrase();
    return new EndpointSpec(
        service,
        endpoint.getName(),
        endpoint.getUrl(),
        login.trim(),
        endpoint.subUser(),
        keys.get(0),
        passphrase == null ? null : passphrase.getPlainText().toCharArray(),
        "credentials '" + endpoint.getCredentialsId() + "'",
        endpoint.isInsecure(),
        endpoint.defaultChannel());
  }

  /**
   * Finds SSH credentials by id as this build may use them, and records the use.
   *
   * @throws TritonException naming the id when it is missing, unusable or of the wrong type
   */
  private SSHUserPrivateKey credentials(String id, String usedBy) {
    if (id == null) {
      throw new TritonException(
          usedBy
              + " has no credentials; choose 'SSH Username with private key' credentials for it"
              + " under Manage Jenkins » System » Triton origin images");
    }
    IdCredentials found =
        CredentialsProvider.findCredentialById(id, IdCredentials.class, run, List.of());
    if (found == null) {
      throw new TritonException(
          usedBy
              + " uses credentials '"
              + id
              + "', which do not exist or which this build may not use; add 'SSH Username with"
              + " private key' credentials with that id in the global scope, or fix the id");
    }
    if (!(found instanceof SSHUserPrivateKey key)) {
      throw new TritonException(
          usedBy
              + " uses credentials '"
              + id
              + "', which are '"
              + found.getDescriptor().getDisplayName()
              + "' credentials; they must be 'SSH Username with private key' credentials, whose"
              + " user name is the account and whose key signs the requests");
    }
    CredentialsProvider.track(run, key);
    return key;
  }

  private record Key(Service service, String name) {}
}
