/**
 * The Jenkins adapter of triton-origin: the Pipeline steps {@code tritonOriginBuild}, {@code
 * mantaExport}, {@code imgadmPublish} and {@code imgadmChannelAdd}, and the global configuration of
 * the CloudAPI, Manta and IMGAPI endpoints they use.
 *
 * <p>Each step copies its fields into the map of core's step contract and runs core's operation on
 * a background thread; core validates, does the work and cleans up. This package only resolves
 * endpoints and credentials, keeps the run record with the Pipeline so a restart resumes the
 * operation, and turns core's events into build-log lines.
 */
package io.jenkins.plugins.tritonorigin;
