package org.tritondatacenter.origin.testkit;

import java.util.List;
import org.tritondatacenter.origin.testkit.cloudapi.CloudApiSimulator;
import org.tritondatacenter.origin.testkit.imgapi.ImgapiSimulator;

/**
 * Makes a fresh local Triton ready for a build: origin images, packages, a default network and,
 * with an images.json, everything that file's build needs.
 */
final class Seeder {
  private Seeder() {}

  /**
   * Seeds the datacenter. Without an images.json ({@code imagesJson} null) it still adds default
   * packages and a network. With one, each origin image is active in CloudAPI and in every channel
   * of each private IMGAPI, packages fit every entry's memory, and every pkgsrc package is in the
   * guest catalogue.
   */
  static void seed(
      LocalTritonOptions options,
      String imagesJson,
      CloudApiSimulator cloud,
      List<ImgapiSimulator> imgapis) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
