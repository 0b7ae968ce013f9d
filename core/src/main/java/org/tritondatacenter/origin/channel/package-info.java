/**
 * The channel-add operation: promotes published images from a source channel of an IMGAPI server
 * into more channels, as the original release procedure did by hand with {@code updates-imgadm
 * channel-add}.
 *
 * <p>Images are selected by UUID, or by a name filter and exact version (newest per name); each is
 * added to every target channel. Adding is idempotent, and a dry run reports exactly what would
 * change without sending a single write.
 */
package org.tritondatacenter.origin.channel;
