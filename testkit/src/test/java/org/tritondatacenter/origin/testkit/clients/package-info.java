/**
 * The real-clients test: the official Node.js {@code triton} and {@code manta} clients, installed
 * from npm, run unchanged against the standalone local Triton. It runs in {@code verify} (failsafe)
 * and caches the npm install under {@code target/real-clients}.
 */
package org.tritondatacenter.origin.testkit.clients;
