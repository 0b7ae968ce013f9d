/**
 * Runs the four steps for an adapter: validates the raw arguments against the step contract, builds
 * the clients from resolved endpoints, runs the operation with its run record, and returns the
 * step's result map.
 *
 * <p>The Jenkins steps and the command line both call {@link
 * org.tritondatacenter.origin.runner.StepRunner}; they differ only in how they resolve endpoints,
 * where they keep the run record and how they present events.
 */
package org.tritondatacenter.origin.runner;
