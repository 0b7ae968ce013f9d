package org.tritondatacenter.origin.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tritondatacenter.origin.KeyException;

/**
 * Finds the signing key a user names, the way the Triton and Manta command-line tools do: by
 * fingerprint in the ssh-agent and then in the SSH directory, or by the path of a private key file.
 */
public final class KeyFinder {
  private KeyFinder() {}

  /**
   * Finds a key.
   *
   * <p>A fingerprint ({@code aa:bb:...}, {@code MD5:aa:bb:...} or {@code SHA256:...}, as {@code
   * ssh-keygen -l} prints) is looked up among the agent's keys first, then among the private keys
   * in {@code sshDir}, whose fingerprints come from their {@code .pub} files, from the clear header
   * of OpenSSH-format files, or else from loading them.
   *
   * <p>Anything else is a private key path: absolute, relative to the working directory, relative
   * to {@code sshDir} (so {@code id_rsa} works), or starting with {@code ~/}. A {@code .pub} path
   * means the private key next to it. If the file needs a passphrase that was not given and the
   * agent holds the same key, the agent's key is returned.
   *
   * @param identity a fingerprint or a private key path
   * @param sshDir the directory to search, usually {@code ~/.ssh}; may be {@code null}
   * @param agentOrNull the agent to ask first, or {@code null}
   * @param passphraseOrNull the passphrase for a key file, or {@code null}
   * @throws KeyException if no such key is found or the key found cannot be loaded; the message
   *     names the fingerprint or file and where it looked
   */
  public static SigningKey find(
      String identity, Path sshDir, SshAgent agentOrNull, char[] passphraseOrNull) {
    if (identity == null || identity.isBlank()) {
      throw new KeyException(
          "No SSH key was named. Give a key fingerprint (as ssh-keygen -l prints it) or the"
              + " path of a private key file.");
    }
    String spec = identity.strip();
    return Fingerprint.isSpec(spec)
        ? byFingerprint(spec, sshDir, agentOrNull, passphraseOrNull)
        : byPath(spec, sshDir, agentOrNull, passphraseOrNull);
  }

  private static SigningKey byFingerprint(
      String spec, Path sshDir, SshAgent agent, char[] passphrase) {
    StringBuilder searched = new StringBuilder();
    String agentTrouble = null;
    if (agent != null) {
      try {
        List<SigningKey> keys = agent.listIdentities();
        Optional<SigningKey> match =
            keys.stream().filter(k -> k.fingerprint().matches(spec)).findFirst();
        if (match.isPresent()) {
          return match.get();
        }
        searched.append("the ssh-agent at ").append(agent.socket());
        searched.append(" (").append(keys.size()).append(keys.size() == 1 ? " key)" : " keys)");
      } catch (KeyException e) {
        // An agent that cannot be reached should not hide a key file that matches.
        agentTrouble = e.getMessage();
      }
    }
    if (sshDir != null && Files.isDirectory(sshDir)) {
      for (KeyFiles.Candidate candidate : KeyFiles.candidates(sshDir, passphrase)) {
        if (candidate.fingerprint().matches(spec)) {
          SigningKey key = candidate.loadedOrNull();
          if (key == null) {
            key = SshKeys.load(candidate.file(), passphrase);
          }
          if (!key.fingerprint().matches(spec)) {
            throw new KeyException(
                "The private key "
                    + candidate.file()
                    + " does not match its .pub file, which has the fingerprint "
                    + spec
                    + ". Regenerate the .pub file with ssh-keygen -y -f "
                    + candidate.file()
                    + ".");
          }
          return key;
        }
      }
      searched.append(searched.length() > 0 ? " or in " : "").append(sshDir);
    }
    throw new KeyException(
        "No SSH key with the fingerprint "
            + spec
            + " was found"
            + (searched.length() > 0 ? " in " + searched : "")
            + ". Load the key into ssh-agent with ssh-add, put it in the SSH directory, or give"
            + " the path of its private key file."
            + (agentTrouble == null ? "" : " The ssh-agent could not be asked: " + agentTrouble));
  }

  private static SigningKey byPath(String spec, Path sshDir, SshAgent agent, char[] passphrase) {
    Path file = resolve(spec, sshDir);
    try {
      return SshKeys.load(file, passphrase);
    } catch (KeyException e) {
      if (passphrase != null || agent == null) {
        throw e;
      }
      // An encrypted key file that ssh-add has unlocked: the agent can sign with it.
      try {
        Optional<Fingerprint> fp = KeyFiles.publicFingerprint(file);
        if (fp.isPresent()) {
          for (SigningKey key : agent.listIdentities()) {
            if (key.fingerprint().equals(fp.get())) {
              return key;
            }
          }
        }
      } catch (KeyException agentFailure) {
        e.addSuppressed(agentFailure);
      }
      throw e;
    }
  }

  private static Path resolve(String spec, Path sshDir) {
    Path file =
        spec.startsWith("~/")
            ? Path.of(Objects.requireNonNullElse(System.getProperty("user.home"), "/"))
                .resolve(spec.substring(2))
            : Path.of(spec);
    if (!Files.exists(file) && !file.isAbsolute() && sshDir != null) {
      Path inSshDir = sshDir.resolve(spec);
      if (Files.exists(inSshDir)) {
        file = inSshDir;
      }
    }
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    if (name.endsWith(".pub")) {
      Path privateFile = file.resolveSibling(name.substring(0, name.length() - 4));
      if (Files.exists(privateFile)) {
        file = privateFile;
      }
    }
    return file;
  }
}
