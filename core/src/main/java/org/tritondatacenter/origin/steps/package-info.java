/**
 * The step contract shared by the Jenkins steps, the command line and the Jenkinsfile tests: one
 * parameter table per step, validation and coercion of raw arguments, and the typed maps each step
 * returns.
 *
 * <p>Adapters hand a {@code Map<String, ?>} of what the user wrote to {@link
 * org.tritondatacenter.origin.steps.Step#validate(java.util.Map)} and get immutable {@link
 * org.tritondatacenter.origin.steps.StepArguments} back, or one exception listing every problem. A
 * step runner takes those arguments, the resolved endpoints and a record store; it lives with the
 * operations, so this package stays free of I/O.
 */
package org.tritondatacenter.origin.steps;
