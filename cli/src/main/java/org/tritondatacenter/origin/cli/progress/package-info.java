/**
 * Presents core's events while an operation runs, on standard error: progress bars and live wait
 * status on a terminal (drawn by {@code me.tongfei:progressbar}), periodic plain lines without
 * control characters elsewhere, such as in CI logs. Both read the same events; neither does any
 * work of its own.
 */
package org.tritondatacenter.origin.cli.progress;
