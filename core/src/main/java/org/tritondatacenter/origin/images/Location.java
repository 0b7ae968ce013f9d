package org.tritondatacenter.origin.images;

/** A 1-based line and column in a JSON text; line 0 means "no position". */
record Location(int line, int column) {
  static final Location NONE = new Location(0, 0);
}
