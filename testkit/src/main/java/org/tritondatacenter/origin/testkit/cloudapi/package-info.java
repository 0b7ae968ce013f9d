/**
 * The simulated CloudAPI: images, packages, networks, machines with their state machine and
 * metadata, CreateImageFromMachine and ExportImage into the local Manta (apis.md §2). State changes
 * are computed from the simulation clock when asked, never scheduled, so tests step through them
 * with a manual clock. Each machine runs a simulated guest (sub-package {@code guest}) that reports
 * its user-script's progress through customer metadata.
 */
package org.tritondatacenter.origin.testkit.cloudapi;
