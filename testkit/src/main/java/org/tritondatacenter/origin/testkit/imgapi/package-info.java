/**
 * A simulated standalone IMGAPI server, in private (updates-like, with channels) or public
 * (images-like) mode: import, file upload, activation, channels and listing (apis.md §4).
 */
package org.tritondatacenter.origin.testkit.imgapi;
