package org.tritondatacenter.origin.cli.config;

import org.tritondatacenter.origin.TritonException;

/**
 * Reports a setting that is missing or unusable: the message names the setting, where its value
 * came from (a variable, a flag, a profile file) and how to supply a good one. The command line
 * exits with the usage status for it.
 */
public class ConfigException extends TritonException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a user-facing message. */
  public ConfigException(String message) {
    super(message);
  }

  /** Creates an exception with a user-facing message and the failure behind it. */
  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
