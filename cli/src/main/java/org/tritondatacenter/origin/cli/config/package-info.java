/**
 * Where the command line's settings come from, the way Triton users already have them: node-triton
 * profiles and {@code TRITON_*}/{@code SDC_*} variables for CloudAPI, {@code MANTA_*} for Manta,
 * {@code UPDATES_IMGADM_*} for IMGAPI, and flags above all of them.
 *
 * <p>{@link org.tritondatacenter.origin.cli.config.CliEndpoints} turns them into core's resolved
 * endpoints; {@link org.tritondatacenter.origin.cli.config.GitInfo} reads the build's branch and
 * commit; {@link org.tritondatacenter.origin.cli.config.ProxySettings} honours the proxy variables.
 * Every missing or bad setting is a {@link org.tritondatacenter.origin.cli.config.ConfigException}
 * that names the variable or flag that supplies it.
 */
package org.tritondatacenter.origin.cli.config;
