package org.tritondatacenter.origin.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The secrets of core's test resources: the ssh-keygen key fixtures of the auth tests and their
 * passphrase. Read once, from the class path, so the guard works from core's test jar too.
 */
final class FixtureSecrets {
  /** The passphrase of every encrypted fixture ({@code generate.sh}). */
  static final String PASSPHRASE = "fixture-passphrase-42";

  private static final String KEYS = "/org/tritondatacenter/origin/auth/keys/";

  /** Fixtures without a {@code .pub}, so missing from {@code fingerprints.txt}. */
  private static final List<String> WITHOUT_PUBLIC_KEY = List.of("pkcs8-secp256k1");

  /** One fixture key: its private text and its public line (null when there is none). */
  record Key(String name, String privateText, String publicLine) {
    @Override
    public String toString() {
      return "Key[" + name + "]";
    }
  }

  private static volatile List<Key> keys;

  private FixtureSecrets() {}

  /** Returns every private key fixture, loaded on first use. */
  static List<Key> keys() {
    List<Key> loaded = keys;
    if (loaded == null) {
      loaded = load();
      keys = loaded;
    }
    return loaded;
  }

  private static List<Key> load() {
    Set<String> names = new LinkedHashSet<>();
    String index = read(KEYS + "fingerprints.txt");
    if (index == null) {
      // Not on the class path (a module without core's test resources): nothing to guard.
      return List.of();
    }
    for (String line : index.split("\n")) {
      if (!line.isBlank()) {
        names.add(line.trim().split("\\s+")[0]);
      }
    }
    names.addAll(WITHOUT_PUBLIC_KEY);
    List<Key> result = new ArrayList<>();
    for (String name : names) {
      String text = read(KEYS + name);
      if (text != null) {
        result.add(new Key(name, text, firstLine(read(KEYS + name + ".pub"))));
      }
    }
    return List.copyOf(result);
  }

  private static String firstLine(String text) {
    return text == null ? null : text.strip().split("\n")[0];
  }

  private static String read(String resource) {
    try (InputStream in = FixtureSecrets.class.getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      StringBuilder sb = new StringBuilder();
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
        String line;
        while ((line = r.readLine()) != null) {
          sb.append(line).append('\n');
        }
      }
      return sb.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read test resource " + resource, e);
    }
  }
}
