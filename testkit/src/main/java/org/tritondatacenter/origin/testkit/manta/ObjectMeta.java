package org.tritondatacenter.origin.testkit.manta;

import java.time.Instant;
import java.util.Map;

/**
 * What Manta keeps about an object: its etag (an object id, a UUID, not a digest), the blob with
 * its bytes, size and MD5, the content type, the modification time, the number of copies and the
 * stored user headers ({@code m-*}).
 */
record ObjectMeta(
    String etag,
    Blob blob,
    String contentType,
    Instant mtime,
    int durability,
    Map<String, String> headers) {

  ObjectMeta {
    headers = Map.copyOf(headers);
  }

  long size() {
    return blob.size();
  }

  String md5() {
    return blob.md5();
  }

  /**
   * Returns the {@code Durability-Level} Manta reports: the number of copies it stored, which is
   * zero for an empty object because no storage node holds it.
   */
  int reportedDurability() {
    return blob.size() == 0 ? 0 : durability;
  }

  ObjectMeta withHeaders(String newContentType, Map<String, String> newHeaders, Instant now) {
    return new ObjectMeta(etag, blob, newContentType, now, durability, newHeaders);
  }
}
