/**
 * The simulated Manta: directories, streamed objects on disk, listings, snaplinks and signed URLs,
 * over the Directory API (apis.md §3).
 */
package org.tritondatacenter.origin.testkit.manta;
