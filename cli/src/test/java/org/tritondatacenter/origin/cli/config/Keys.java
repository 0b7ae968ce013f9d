package org.tritondatacenter.origin.cli.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.tritondatacenter.origin.testkit.KeyKind;
import org.tritondatacenter.origin.testkit.TestKey;
import org.tritondatacenter.origin.testkit.auth.KeyGenerator;

/** Fresh RSA keys written where a test wants them, with their {@code .pub} beside them. */
final class Keys {
  // RSA generation takes a while; two keys serve every test.
  private static final TestKey FIRST = KeyGenerator.generate(KeyKind.RSA, "cli-test-1");
  private static final TestKey SECOND = KeyGenerator.generate(KeyKind.RSA, "cli-test-2");

  private Keys() {}

  /** Writes the first key. */
  static TestKey write(Path file) throws IOException {
    return write(file, FIRST);
  }

  /** Writes a key different from the first. */
  static TestKey writeOther(Path file) throws IOException {
    return write(file, SECOND);
  }

  private static TestKey write(Path file, TestKey key) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, key.privateKeyText());
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    Files.writeString(file.resolveSibling(file.getFileName() + ".pub"), key.publicKeyLine() + "\n");
    return key.writtenTo(file);
  }
}
