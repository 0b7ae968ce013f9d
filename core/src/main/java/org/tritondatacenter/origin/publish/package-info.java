/**
 * The publish operation: imports images into an IMGAPI server and channel, adds their files and
 * activates them, as {@code updates-imgadm import} does, but resumable and with nothing
 * half-published left behind.
 *
 * <p>Images come from a Manta build directory, one manifest and file (on disk or in Manta), or
 * another IMGAPI server; {@link org.tritondatacenter.origin.publish.PublishSources} turns each form
 * into {@link org.tritondatacenter.origin.publish.PublishItem}s. Each image is first looked up in
 * every channel and taken on from the state found, so a re-run converges instead of failing with
 * 409.
 */
package org.tritondatacenter.origin.publish;
