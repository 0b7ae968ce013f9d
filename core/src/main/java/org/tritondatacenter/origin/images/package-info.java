/**
 * The {@code images.json} file: its strict reader, the {@link
 * org.tritondatacenter.origin.images.ImageSpec} model, and the naming and versioning rules every
 * image follows.
 *
 * <p>The reader is separate from the lenient mapper used for API answers: it refuses unknown keys,
 * wrong types and unsafe names, and reports every problem with its file, JSON path, line and
 * column. Versions, build ids, spec hashes and image tags are derived here from values the adapters
 * supply, so core never reads git or the environment itself.
 */
package org.tritondatacenter.origin.images;
