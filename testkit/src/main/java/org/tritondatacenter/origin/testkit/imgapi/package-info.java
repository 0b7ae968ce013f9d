/**
 * Simulated standalone IMGAPI servers, in private mode like the updates server (channels, {@code
 * public: false}) or public mode like the images server (no channels, {@code public: true}):
 * import, file upload (streamed to disk or pulled from a URL), activation, channels, listing and
 * deletion, answering with IMGAPI's error codes (apis.md §4).
 *
 * <p>{@link org.tritondatacenter.origin.testkit.imgapi.ImgapiSimulator} is the only public class;
 * the rest is its model (an immutable {@code Image} per uuid in an {@code ImageCatalog}), the
 * manifest rules and one class per group of endpoints.
 */
package org.tritondatacenter.origin.testkit.imgapi;
