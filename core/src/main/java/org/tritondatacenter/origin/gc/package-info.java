/**
 * Finds what builds left behind, by the tags every build puts on its machines and images, and
 * removes it: temporary machines, datacenter images stuck {@code creating} or {@code failed}, and
 * IMGAPI images never activated.
 *
 * <p>It never touches a build younger than a threshold (six hours by default), nor one whose run
 * record says it is still running, so it is safe to run beside live builds.
 */
package org.tritondatacenter.origin.gc;
