/**
 * The build operation: one temporary machine per image, provisioned from the origin, running a
 * strict user-script that installs the packages and reports through customer metadata, then stopped
 * and turned into an image with CreateImageFromMachine.
 *
 * <p>Images build in parallel, each as a sequence of tasks with reverse-order cleanup, and every
 * change is saved in the run record's {@code build} section at once, so a re-run adopts what an
 * interrupted or crashed run made instead of making it twice.
 */
package org.tritondatacenter.origin.build;
