/**
 * The {@code triton-origin} command line: a thin picocli adapter over core. Each command parses its
 * options (the step contract's parameters among them), resolves endpoints from the user's
 * configuration, calls one core entry point and prints the result, human-readable or as JSON.
 *
 * <p>{@link org.tritondatacenter.origin.cli.Main} is the entry point; {@link
 * org.tritondatacenter.origin.cli.CliEnvironment} is everything taken from the process (variables,
 * home, working directory, streams, terminal), so tests run commands in-process without touching
 * the real user's settings. Exit codes: 0 done, 1 failed, 2 bad usage or configuration, 3 not
 * found, 130 interrupted.
 */
package org.tritondatacenter.origin.cli;
