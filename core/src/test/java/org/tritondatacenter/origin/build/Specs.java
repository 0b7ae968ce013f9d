package org.tritondatacenter.origin.build;

import java.util.List;
import java.util.Map;
import org.tritondatacenter.origin.images.ImageSpec;

/** Image specs for the build's unit tests. */
final class Specs {
  static final String ORIGIN = "41bd4100-eb86-409a-85b0-e649aadf6f62";
  static final String BUILD_ID = "to-20250116T175211-abcdef";

  private Specs() {}

  /** Returns the plainest entry: install two packages, nothing else. */
  static ImageSpec plain() {
    return spec(false, false, List.of());
  }

  static ImageSpec spec(boolean upgrade, boolean audit, List<String> script) {
    return spec("triton-origin-x86_64", upgrade, audit, script);
  }

  static ImageSpec spec(String namePrefix, boolean upgrade, boolean audit, List<String> script) {
    return new ImageSpec(
        namePrefix,
        "Triton origin image based on minimal-64-lts 24.4.1",
        new ImageSpec.Origin(ORIGIN, "minimal-64-lts", "24.4.1"),
        List.of("coreutils", "curl-8.11.1"),
        1024,
        null,
        List.of(),
        upgrade,
        audit,
        script,
        Map.of(),
        Map.of(),
        null);
  }
}
