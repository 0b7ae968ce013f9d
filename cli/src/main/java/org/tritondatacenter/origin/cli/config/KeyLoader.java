package org.tritondatacenter.origin.cli.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.tritondatacenter.origin.KeyException;
import org.tritondatacenter.origin.auth.KeyFinder;
import org.tritondatacenter.origin.auth.SigningKey;
import org.tritondatacenter.origin.auth.SshAgent;

/**
 * Loads the keys settings name, as the Triton tools find them: by fingerprint in the ssh-agent and
 * then in {@code ~/.ssh}, or by private key path. An encrypted key file is unlocked with a
 * passphrase asked at the terminal; without one, the message says to use the agent. Each key is
 * loaded once per run.
 */
final class KeyLoader {
  private static final Pattern FINGERPRINT =
      Pattern.compile("(?i)(SHA256:.+|MD5:.+|([0-9a-f]{2}:){15}[0-9a-f]{2})");

  private final Map<String, String> env;
  private final Path home;
  private final Path workingDir;
  private final PassphrasePrompt prompt;
  private final Map<String, SigningKey> loaded = new ConcurrentHashMap<>();

  KeyLoader(Map<String, String> env, Path home, Path workingDir, PassphrasePrompt prompt) {
    this.env = env;
    this.home = home;
    this.workingDir = workingDir;
    this.prompt = prompt;
  }

  /**
   * Loads a key.
   *
   * @param spec a fingerprint or a private key path ({@code ~/} is the injected home)
   * @param setting what named the key, for messages, such as {@code the CloudAPI key
   *     (TRITON_KEY_ID)}
   * @throws KeyException naming the setting, the key and what to do
   */
  SigningKey load(String spec, String setting) {
    String resolved = resolve(spec.strip());
    SigningKey key = loaded.get(resolved);
    if (key == null) {
      key = find(resolved, setting);
      loaded.put(resolved, key);
    }
    return key;
  }

  private SigningKey find(String spec, String setting) {
    SshAgent agent;
    try {
      agent = SshAgent.fromEnvironment(env).orElse(null);
    } catch (KeyException e) {
      throw new KeyException(setting + ": " + e.getMessage(), e);
    }
    Path sshDir = home.resolve(".ssh");
    try {
      return KeyFinder.find(spec, sshDir, agent, null);
    } catch (KeyException e) {
      // KeyFinder says this in one place (auth.KeyErrors.needsPassphrase); only then is asking
      // for a passphrase worth it.
      if (e.getMessage() == null || !e.getMessage().contains("is encrypted")) {
        throw new KeyException(setting + ": " + e.getMessage(), e);
      }
      char[] passphrase = prompt.ask("Passphrase for the key " + spec + " (" + setting + "): ");
      if (passphrase == null) {
        throw new KeyException(
            setting
                + ": "
                + e.getMessage()
                + " There is no terminal to ask for the passphrase: run ssh-add on the key and"
                + " make sure SSH_AUTH_SOCK names the agent.",
            e);
      }
      try {
        return KeyFinder.find(spec, sshDir, agent, passphrase);
      } catch (KeyException again) {
        throw new KeyException(setting + ": " + again.getMessage(), again);
      } finally {
        Arrays.fill(passphrase, '\0');
      }
    }
  }

  /** Expands {@code ~/} against the injected home and relative paths against the working dir. */
  private String resolve(String spec) {
    if (FINGERPRINT.matcher(spec).matches()) {
      return spec;
    }
    if (spec.startsWith("~/")) {
      return home.resolve(spec.substring(2)).toString();
    }
    Path path = Path.of(spec);
    if (!path.isAbsolute() && Files.exists(workingDir.resolve(path))) {
      return workingDir.resolve(path).toString();
    }
    return spec;
  }
}
