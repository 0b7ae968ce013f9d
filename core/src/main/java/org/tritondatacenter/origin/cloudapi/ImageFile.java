package org.tritondatacenter.origin.cloudapi;

/**
 * One file of an image, from its {@code files} array.
 *
 * @param compression {@code gzip}, {@code bzip2}, {@code xz} or {@code none}
 * @param sha1 the SHA-1 of the file, in hex
 * @param size the size in bytes
 */
public record ImageFile(String compression, String sha1, Long size) {}
