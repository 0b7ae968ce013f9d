/**
 * The simulated CloudAPI: images, packages, networks, machines with their state machine and
 * metadata, CreateImageFromMachine and ExportImage (apis.md §2), and the simulated guest that runs
 * a build's user-script and reports through customer metadata.
 */
package org.tritondatacenter.origin.testkit.cloudapi;
