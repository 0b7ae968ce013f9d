/**
 * Pruning: removes old build directories from a Manta project and old images from an IMGAPI
 * channel, keeping the newest of each branch or name. It lists what it would remove unless told to
 * delete, and reports every decision, so the command line can show it or print it as JSON.
 */
package org.tritondatacenter.origin.prune;
