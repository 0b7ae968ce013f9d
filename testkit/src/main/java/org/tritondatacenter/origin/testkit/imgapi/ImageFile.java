package org.tritondatacenter.origin.testkit.imgapi;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The one file of an image, as IMGAPI records it.
 *
 * @param sha1 lowercase hex SHA-1 of the bytes (in bench mode, the value the client claimed)
 * @param md5Base64 base64 MD5 of the bytes for {@code Content-MD5}, or null when not computed
 * @param size the byte count
 * @param compression {@code gzip}, {@code bzip2}, {@code xz} or {@code none}
 * @param datasetGuid the optional {@code dataset_guid} query value, or null
 * @param path where the bytes are on disk, or null when they were not kept (storage mode DISCARD,
 *     or a seeded origin image that only has a manifest)
 * @param mtime when the file was stored, for {@code Last-Modified}
 */
record ImageFile(
    String sha1,
    String md5Base64,
    long size,
    String compression,
    String datasetGuid,
    Path path,
    Instant mtime) {}
