package org.tritondatacenter.origin.testkit.manta;

/**
 * One byte range of a {@code Range: bytes=...} header: {@code a-b}, {@code a-} or {@code -n}. Manta
 * serves a single range only.
 *
 * @param first the first byte, inclusive
 * @param last the last byte, inclusive
 */
record ByteRange(long first, long last) {
  /** The answer for a range that lies wholly past the end of the object. */
  static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

  /**
   * Parses one range against an object of {@code size} bytes.
   *
   * @return the range, {@link #UNSATISFIABLE}, or null when the header is malformed (a server then
   *     ignores it and sends the whole object)
   */
  static ByteRange parse(String header, long size) {
    String value = header.trim();
    if (!value.regionMatches(true, 0, "bytes=", 0, 6)) {
      return null;
    }
    String spec = value.substring(6).trim();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return null;
    }
    try {
      String from = spec.substring(0, dash).trim();
      String to = spec.substring(dash + 1).trim();
      if (from.isEmpty()) {
        long suffix = Long.parseLong(to);
        if (suffix <= 0 || size == 0) {
          return UNSATISFIABLE;
        }
        return new ByteRange(Math.max(0, size - suffix), size - 1);
      }
      long first = Long.parseLong(from);
      long last = to.isEmpty() ? Long.MAX_VALUE : Long.parseLong(to);
      if (first < 0 || last < first) {
        return null;
      }
      if (first >= size) {
        return UNSATISFIABLE;
      }
      return new ByteRange(first, Math.min(last, size - 1));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  long length() {
    return last - first + 1;
  }

  /** Returns the {@code Content-Range} value for an object of {@code size} bytes. */
  String contentRange(long size) {
    return "bytes " + first + "-" + last + "/" + size;
  }
}
