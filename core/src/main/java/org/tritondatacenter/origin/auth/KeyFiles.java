package org.tritondatacenter.origin.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.tritondatacenter.origin.KeyException;

/**
 * Learns the fingerprints of the private keys in an SSH directory, without a passphrase where the
 * format allows, so a search by fingerprint decrypts only the key it picks.
 */
final class KeyFiles {
  private static final long MAX_KEY_FILE_BYTES = 1 << 20;

  /**
   * A private key file and its fingerprint; the key itself if it had to be loaded to learn the
   * fingerprint (an unencrypted PEM file without {@code .pub}).
   */
  record Candidate(Path file, Fingerprint fingerprint, SigningKey loadedOrNull) {}

  private KeyFiles() {}

  /** Returns the private keys directly in the directory whose fingerprints can be learned. */
  static List<Candidate> candidates(Path dir, char[] passphrase) {
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files =
          listing
              .filter(Files::isRegularFile)
              .filter(f -> !f.getFileName().toString().endsWith(".pub"))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new KeyException(
          "Cannot list the SSH directory "
              + dir
              + " ("
              + e.getMessage()
              + "). Check its path"
              + " and permissions.",
          e);
    }
    List<Candidate> candidates = new ArrayList<>();
    for (Path file : files) {
      Optional<Fingerprint> fp = publicFingerprint(file);
      if (fp.isPresent()) {
        candidates.add(new Candidate(file, fp.get(), null));
      } else if (passphrase != null || !isEncryptedPem(file)) {
        loadQuietly(file, passphrase)
            .ifPresent(key -> candidates.add(new Candidate(file, key.fingerprint(), key)));
      }
    }
    return candidates;
  }

  /**
   * Returns a private key file's fingerprint if it can be learned without decrypting: from the
   * {@code .pub} file beside it, or from the clear header of an OpenSSH-format file.
   */
  static Optional<Fingerprint> publicFingerprint(Path file) {
    Path pub = file.resolveSibling(file.getFileName() + ".pub");
    Optional<String> pubText = readSmall(pub);
    if (pubText.isPresent()) {
      Optional<byte[]> blob =
          PublicKeyBlobs.fromPublicKeyLine(pubText.get().lines().findFirst().orElse(""));
      if (blob.isPresent()) {
        return blob.map(Fingerprint::ofPublicKeyBlob);
      }
    }
    Optional<String> text = readSmall(file);
    if (text.isPresent() && text.get().contains(OpenSshKeyLoader.BEGIN)) {
      try {
        return Optional.of(
            Fingerprint.ofPublicKeyBlob(
                OpenSshKeyLoader.header(text.get(), "file " + file).publicBlob()));
      } catch (KeyException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static boolean isEncryptedPem(Path file) {
    return readSmall(file)
        .map(t -> t.contains("ENCRYPTED PRIVATE KEY") || t.contains("Proc-Type: 4,ENCRYPTED"))
        .orElse(true);
  }

  private static Optional<SigningKey> loadQuietly(Path file, char[] passphrase) {
    Optional<String> text = readSmall(file);
    if (text.isEmpty() || !text.get().contains("PRIVATE KEY-----")) {
      return Optional.empty();
    }
    try {
      return Optional.of(SshKeys.parse(text.get(), passphrase, "file " + file));
    } catch (KeyException e) {
      return Optional.empty(); // another key's passphrase, or not a key we read: not this one
    }
  }

  private static Optional<String> readSmall(Path file) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_KEY_FILE_BYTES) {
        return Optional.empty();
      }
      return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
