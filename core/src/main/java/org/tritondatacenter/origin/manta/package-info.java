/**
 * The typed Manta client: {@link org.tritondatacenter.origin.manta.MantaClient} with one method per
 * directory-API operation (PutDirectory, PutObject, GetObject, HEAD, DeleteObject, ListDirectory,
 * PutSnapLink) plus pre-signed URLs, and the records they return.
 *
 * <p>Paths are {@link org.tritondatacenter.origin.manta.MantaPath} values, refused before any
 * request when they leave the account's {@code stor} or {@code public} tree. Object bodies stream
 * in both directions with their MD5 computed on the way and compared with what Manta computed, so a
 * corrupt or unverifiable transfer always fails rather than passing silently.
 */
package org.tritondatacenter.origin.manta;
