/**
 * Tests of the repository's Jenkinsfiles, run without Jenkins through JenkinsPipelineUnit. The
 * triton-origin steps are recorded, answered with plausible result maps, and every argument name is
 * checked against core's step contract.
 */
package org.tritondatacenter.origin.pipelines;
