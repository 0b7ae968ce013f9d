package org.tritondatacenter.origin.cli.config;

/** Asks the person at the terminal for a key's passphrase. */
@FunctionalInterface
public interface PassphrasePrompt {
  /** The prompt of a process without a terminal: it never asks. */
  PassphrasePrompt NONE = prompt -> null;

  /**
   * Asks for a passphrase without echoing it.
   *
   * @param prompt the question, naming the key file
   * @return the passphrase, which the caller clears after use; null when nobody can be asked
   */
  char[] ask(String prompt);
}
