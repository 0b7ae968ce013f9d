/**
 * The export operation: copies built images from the datacenter to a Manta builds directory with
 * CloudAPI ExportImage, makes their manifests fit for a private image server, and adds the files
 * that describe the build.
 *
 * <p>The directory gets each image's rewritten manifest and file, its package list and audit
 * report, {@code buildinfo.json} and {@code md5sums.txt}; the {@code <branch>-latest} pointer
 * beside it is written last and never moved back to an older build, so readers only ever see
 * complete builds. Progress is kept in the run record after every object.
 */
package org.tritondatacenter.origin.export;
