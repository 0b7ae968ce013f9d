package org.tritondatacenter.origin.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The key fixtures made by {@code keys/generate.sh} with ssh-keygen and OpenSSL, and the
 * fingerprints ssh-keygen printed for them.
 */
final class Fixtures {
  static final String PASSPHRASE = "fixture-passphrase-42";

  /** The fixtures of supported types, each with a .pub file and an expected fingerprint. */
  static final List<String> SUPPORTED =
      List.of(
          "openssh-rsa",
          "openssh-ecdsa256",
          "openssh-ecdsa384",
          "openssh-ecdsa521",
          "openssh-ed25519",
          "pem-rsa",
          "pem-ecdsa256",
          "pem-ecdsa384",
          "pem-ecdsa521",
          "pkcs8-rsa",
          "pkcs8-ecdsa256",
          "pkcs8-ecdsa384",
          "pkcs8-ecdsa521",
          "pkcs8-ed25519");

  private static final Map<String, String[]> FINGERPRINTS = readFingerprints();

  private Fixtures() {}

  static Path dir() {
    try {
      return Path.of(Fixtures.class.getResource("keys/fingerprints.txt").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path file(String name) {
    return dir().resolve(name);
  }

  static String text(String name) {
    try {
      return Files.readString(file(name), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every supported fixture, unencrypted and encrypted. */
  static Stream<String> allSupported() {
    return SUPPORTED.stream().flatMap(n -> Stream.of(n, n + "-enc"));
  }

  static char[] passphraseFor(String name) {
    return name.endsWith("-enc") ? PASSPHRASE.toCharArray() : null;
  }

  static KeyType expectedType(String name) {
    if (name.contains("rsa")) {
      return KeyType.RSA;
    }
    if (name.contains("ecdsa256")) {
      return KeyType.ECDSA_P256;
    }
    if (name.contains("ecdsa384")) {
      return KeyType.ECDSA_P384;
    }
    if (name.contains("ecdsa521")) {
      return KeyType.ECDSA_P521;
    }
    return KeyType.ED25519;
  }

  /** The MD5 fingerprint ssh-keygen -l -E md5 printed, without its MD5: prefix. */
  static String md5(String name) {
    return fingerprintFields(name)[0];
  }

  /** The SHA256 fingerprint ssh-keygen -l -E sha256 printed. */
  static String sha256(String name) {
    return fingerprintFields(name)[1];
  }

  /** The wire blob in the fixture's .pub file, decoded without the code under test. */
  static byte[] publicBlob(String name) {
    String line = text(name + ".pub").strip();
    return Base64.getDecoder().decode(line.split(" ")[1]);
  }

  /** The lines of a key file that carry key data (everything but the BEGIN/END markers). */
  static List<String> secretLines(String keyText) {
    return keyText
        .lines()
        .filter(l -> !l.startsWith("-----") && !l.isBlank() && !l.contains(":"))
        .toList();
  }

  /** Copies fixtures into a directory with the 0600 mode ssh-add insists on. */
  static Path copy(String name, Path dir) throws IOException {
    Path target = dir.resolve(name);
    Files.copy(file(name), target);
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
    return target;
  }

  private static String[] fingerprintFields(String name) {
    String[] fields = FINGERPRINTS.get(name);
    if (fields == null) {
      throw new IllegalArgumentException("no expected fingerprint for fixture " + name);
    }
    return fields;
  }

  private static Map<String, String[]> readFingerprints() {
    Map<String, String[]> map = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(dir().resolve("fingerprints.txt"))) {
        String[] fields = line.split(" ");
        map.put(fields[0], new String[] {fields[1], fields[2]});
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return map;
  }
}
