/**
 * Runs an operation as a sequence of tasks with reverse-order cleanup, Packer's step pattern made
 * typed.
 *
 * <p>Each task is recorded as started before it runs. On failure or interruption every started task
 * is cleaned up in reverse order, the failing one included, under its own deadline. Cleanup never
 * hides the original error: its failures are attached as suppressed exceptions and what it could
 * not remove is reported. After a create call that got no answer, cleanup looks again for a short
 * while ({@link org.tritondatacenter.origin.flow.LateAnswer}), since the server may still make it.
 */
package org.tritondatacenter.origin.flow;
