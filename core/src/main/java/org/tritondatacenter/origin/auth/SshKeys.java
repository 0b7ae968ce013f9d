package org.tritondatacenter.origin.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tritondatacenter.origin.KeyException;

/**
 * Loads SSH private keys from files or from text in memory.
 *
 * <p>It reads OpenSSH's own format (RSA, ECDSA P-256/384/521, Ed25519; unencrypted or encrypted
 * with a passphrase, as {@code ssh-keygen} writes by default) and the PEM formats: PKCS#1 RSA, SEC1
 * EC and PKCS#8, encrypted or not. Every failure is a {@link KeyException} that names the source
 * and says what to do, and never quotes the key or the passphrase.
 */
public final class SshKeys {
  /** Far above any private key; a larger file is something else and is not read into memory. */
  private static final long MAX_KEY_FILE_BYTES = 1 << 20;

  private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]{1,40})-----");

  private SshKeys() {}

  /**
   * Loads a private key file such as {@code ~/.ssh/id_rsa}.
   *
   * @param file the private key file
   * @param passphrase the key's passphrase, or {@code null} if it has none; the array is neither
   *     kept nor cleared
   * @return the key, with {@code source()} {@code "file <path>"}
   * @throws KeyException if the file cannot be read, holds no supported private key, is encrypted
   *     and no passphrase was given, or the passphrase is wrong
   */
  public static SigningKey load(Path file, char[] passphrase) {
    return load(file, passphrase, Files::readAllBytes);
  }

  /** Loads as {@link #load(Path, char[])} does, reading the bytes with {@code reader}. */
  static SigningKey load(Path file, char[] passphrase, KeyFileReader reader) {
    Objects.requireNonNull(file, "file");
    return parse(
        new String(read(file, reader), StandardCharsets.ISO_8859_1), passphrase, "file " + file);
  }

  /**
   * Reads a key file's bytes. A seam for the tests: root reads any file whatever its mode, so only
   * an injected reader can show how a refused read is reported on every machine.
   */
  @FunctionalInterface
  interface KeyFileReader {
    byte[] readAllBytes(Path file) throws IOException;
  }

  /**
   * Parses a private key held as text, such as the contents of a Jenkins SSH credential.
   *
   * @param keyText the whole key, {@code -----BEGIN ...} line included; CRLF line ends are fine
   * @param passphrase the key's passphrase, or {@code null} if it has none
   * @param sourceName where the text came from, for messages and {@link SigningKey#source()}, such
   *     as {@code credentials 'deploy'}; it must not contain secrets
   * @throws KeyException as {@link #load} does
   */
  public static SigningKey parse(String keyText, char[] passphrase, String sourceName) {
    Objects.requireNonNull(keyText, "keyText");
    String source = sourceName == null || sourceName.isBlank() ? "key text" : sourceName;
    String text = keyText.replace("\r\n", "\n").replace('\r', '\n').strip();
    Matcher begin = BEGIN.matcher(text);
    if (!begin.find()) {
      throw KeyErrors.notAKey(source, withoutPemBlock(text));
    }
    String label = begin.group(1);
    String block = text.substring(begin.start());
    return switch (label) {
      case "OPENSSH PRIVATE KEY" -> OpenSshKeyLoader.load(block, passphrase, source);
      case "RSA PRIVATE KEY",
          "EC PRIVATE KEY",
          "DSA PRIVATE KEY",
          "PRIVATE KEY",
          "ENCRYPTED PRIVATE KEY",
          "EC PARAMETERS" ->
          PemKeyLoader.load(block, passphrase, source);
      case "SSH2 ENCRYPTED PRIVATE KEY" ->
          throw KeyErrors.notAKey(
              source,
              "it is in the SSH.COM (SSH2) format; convert it with"
                  + " ssh-keygen -i -f <file> or re-export it in OpenSSH format");
      case "PUBLIC KEY", "RSA PUBLIC KEY", "SSH2 PUBLIC KEY", "CERTIFICATE" ->
          throw KeyErrors.notAKey(source, "it holds a public key or a certificate (" + label + ")");
      default -> throw KeyErrors.notAKey(source, "its PEM block is a " + label);
    };
  }

  private static String withoutPemBlock(String text) {
    if (text.isEmpty()) {
      return "it is empty";
    }
    if (PublicKeyBlobs.fromPublicKeyLine(text.lines().findFirst().orElse("")).isPresent()) {
      return "it is an SSH public key (a .pub line)";
    }
    if (text.startsWith("PuTTY-User-Key-File")) {
      return "it is a PuTTY key; convert it with puttygen <file> -O private-openssh";
    }
    return "no -----BEGIN ... PRIVATE KEY----- line was found";
  }

  private static byte[] read(Path file, KeyFileReader reader) {
    try {
      if (Files.isDirectory(file)) {
        throw unreadable(file, "it is a directory");
      }
      if (Files.exists(file) && !Files.isRegularFile(file)) {
        throw unreadable(file, "it is not a regular file");
      }
      if (Files.size(file) > MAX_KEY_FILE_BYTES) {
        throw unreadable(file, "it is larger than 1 MiB, far too large for a private key");
      }
      return reader.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw unreadable(file, "it does not exist");
    } catch (AccessDeniedException e) {
      throw unreadable(file, "permission denied");
    } catch (IOException e) {
      // The system's reason (such as "Not a directory" for a path through a regular file) says
      // more than the exception's class; it names no file content.
      String why =
          e instanceof FileSystemException fse && fse.getReason() != null
              ? fse.getReason()
              : e.getClass().getSimpleName();
      throw new KeyException(
          "Cannot read the private key file "
              + file
              + ": "
              + why
              + ". Check the path and the file's permissions.",
          e);
    }
  }

  private static KeyException unreadable(Path file, String why) {
    String hint =
        file.getFileName() != null && file.getFileName().toString().endsWith(".pub")
            ? " It names a public key: give the private key file, without .pub."
            : " Check the path and the file's permissions.";
    return new KeyException("Cannot read the private key file " + file + ": " + why + "." + hint);
  }
}
