/**
 * The checks a build runs before any machine exists: credentials for every service it touches, the
 * origins (present, active, named as images.json says, not known to be broken, and in the publish
 * channel), a package and the networks for each image, and which images are already published with
 * the same spec.
 *
 * <p>Every failing check is reported at once, each with how to fix it. What passes becomes a {@link
 * org.tritondatacenter.origin.preflight.Plan}, which the build follows and the command line's
 * {@code plan} prints.
 */
package org.tritondatacenter.origin.preflight;
