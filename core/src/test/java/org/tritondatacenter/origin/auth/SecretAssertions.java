package org.tritondatacenter.origin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Checks that a failure, its causes and suppressed exceptions quote no key text or passphrase. */
final class SecretAssertions {
  private SecretAssertions() {}

  static void assertNoSecrets(Throwable failure, String keyText, String passphrase) {
    List<String> texts = new ArrayList<>();
    collect(failure, texts, Collections.newSetFromMap(new IdentityHashMap<>()));
    for (String text : texts) {
      if (passphrase != null) {
        assertThat(text).doesNotContain(passphrase);
      }
      for (String line : Fixtures.secretLines(keyText)) {
        assertThat(text).doesNotContain(line);
        if (line.length() >= 24) {
          assertThat(text).doesNotContain(line.substring(0, 24));
        }
      }
    }
  }

  private static void collect(Throwable t, List<String> texts, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) {
      return;
    }
    texts.add(String.valueOf(t.getMessage()));
    texts.add(t.toString());
    collect(t.getCause(), texts, seen);
    for (Throwable suppressed : t.getSuppressed()) {
      collect(suppressed, texts, seen);
    }
  }
}
