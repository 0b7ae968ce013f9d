/**
 * The fault matrix: one test or parameterised family per row of the reliability list (R1-R28,
 * except a Jenkins controller restart and Manta multipart uploads), and the bad-input corpus, each
 * against testkit's local Triton with its faults injected.
 *
 * <p>Every test ends with testkit's leak report empty (the leak extension checks it), unless it is
 * about reporting a leak, and the suite-wide secret guard checks everything it let out. Waits run
 * on a manual or scaled clock shared with testkit; only testkit's short injected delays are real.
 */
package org.tritondatacenter.origin.reliability;
