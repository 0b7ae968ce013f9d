/**
 * The typed CloudAPI client: {@link org.tritondatacenter.origin.cloudapi.CloudApiClient}, with one
 * method per documented operation (ListImages, CreateMachine, ExportImage ...), records for the
 * resources it returns, and waiters that poll a machine or an image until it reaches a state.
 *
 * <p>Every call goes through the signed HTTP layer with {@code Accept-Version: ~9||~8} under the
 * account's own {@code /<login>/} path. Inputs are checked before any request is sent, and the
 * protocol's quirks live here: flat {@code metadata.<key>} and {@code tag.<key>} fields on create,
 * 410 Gone as the normal answer for a deleted machine, and the job id of an image creation.
 */
package org.tritondatacenter.origin.cloudapi;
