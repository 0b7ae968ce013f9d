/**
 * Where an operation keeps its progress: a versioned JSON run record, read and written through a
 * small store the adapter provides. The command line keeps one file per run; a Jenkins step keeps
 * the JSON in its execution, saved with the pipeline.
 *
 * <p>A record never holds secrets: no keys, passphrases or signed URLs.
 */
package org.tritondatacenter.origin.state;
