package org.tritondatacenter.origin.testkit.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import org.tritondatacenter.origin.testkit.KeyKind;
import org.tritondatacenter.origin.testkit.TestKey;
import org.tritondatacenter.origin.testkit.auth.KeyGenerator;

/**
 * Key files as the standalone mode and the Node.js clients use them: {@code <home>/.ssh/NAME} and
 * {@code NAME.pub}.
 */
public final class KeyFiles {
  private KeyFiles() {}

  /** Reads a private key and its {@code .pub} beside it. */
  public static TestKey read(KeyKind kind, Path privateKeyFile) {
    try {
      String privateText = Files.readString(privateKeyFile, StandardCharsets.UTF_8);
      String line =
          Files.readString(Path.of(privateKeyFile + ".pub"), StandardCharsets.UTF_8).strip();
      return new TestKey(
          kind, privateText, line, md5Fingerprint(line), sha256Fingerprint(line), privateKeyFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Generates a key and writes it as {@code <home>/.ssh/<name>} and {@code <name>.pub}. */
  public static TestKey generate(KeyKind kind, Path home, String name) {
    TestKey key = KeyGenerator.generate(kind, "test@" + name);
    try {
      Path ssh = Files.createDirectories(home.resolve(".ssh"));
      Path file = ssh.resolve(name);
      Files.writeString(file, key.privateKeyText(), StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      Files.writeString(
          ssh.resolve(name + ".pub"), key.publicKeyLine() + "\n", StandardCharsets.UTF_8);
      return key.writtenTo(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the {@code .pub} file beside a key's private key file. */
  public static Path pub(TestKey key) {
    return Path.of(key.privateKeyFile() + ".pub");
  }

  /** Returns the lowercase colon-hex MD5 of the key blob, the form keyIds carry. */
  static String md5Fingerprint(String publicKeyLine) {
    return HexFormat.ofDelimiter(":").formatHex(digest("MD5", publicKeyLine));
  }

  /** Returns {@code SHA256:<base64 without padding>}, as {@code ssh-keygen -l} prints it. */
  static String sha256Fingerprint(String publicKeyLine) {
    return "SHA256:"
        + Base64.getEncoder().withoutPadding().encodeToString(digest("SHA-256", publicKeyLine));
  }

  private static byte[] digest(String algorithm, String publicKeyLine) {
    byte[] blob = Base64.getDecoder().decode(publicKeyLine.split("\\s+")[1]);
    try {
      return MessageDigest.getInstance(algorithm).digest(blob);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
