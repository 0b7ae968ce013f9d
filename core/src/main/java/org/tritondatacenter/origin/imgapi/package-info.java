/**
 * The typed client of a standalone IMGAPI server (updates or images server): {@link
 * org.tritondatacenter.origin.imgapi.ImgapiClient}, with one method per documented operation, and
 * the records it reads and writes.
 *
 * <p>{@link org.tritondatacenter.origin.imgapi.ImageManifest} carries a v2 manifest through
 * unchanged, so an image exported by CloudAPI can be imported as it is. Image files stream in both
 * directions and are checked against their SHA-1 and size; nothing is held whole in memory.
 */
package org.tritondatacenter.origin.imgapi;
