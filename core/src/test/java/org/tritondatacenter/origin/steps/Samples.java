package org.tritondatacenter.origin.steps;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Well-formed arguments and result maps shared by the step-contract tests. */
final class Samples {
  static final String UUID_A = "41bd4100-eb86-409a-85b0-e649aadf6f62";
  static final String UUID_B = "a7199134-7e94-11ec-be67-db6f482136c2";

  /** The published image a skipped build image stands for. */
  static final String UUID_PUBLISHED = "6a0e2b8c-2f1d-4c55-9a8e-0d1c2b3a4f5e";

  static final String SPEC = "3137920d5dcae5791d5d2227f64e60f7fd18cf0ccd4d27d7e8dce8eaba8b5178";
  static final String DIR = "/acct/public/builds/triton-origin-image/master-20250116T175211Z";

  private Samples() {}

  static BuildResult build() {
    return new BuildResult(
        "to-20250116T175211-abcdef",
        "master",
        "20250116T175211Z",
        "b17eb8e0c2a4f6e8d0c2a4f6e8d0c2a4f6e8d0c2",
        List.of(
            new BuildResult.Image(
                "triton-origin-x86_64-24.4.1",
                "master-20250116T175211Z-gb17eb8e",
                UUID_B,
                UUID_A,
                SPEC,
                false,
                List.of("coreutils-9.5", "curl-8.11.1"),
                "No vulnerabilities found."),
            new BuildResult.Image(
                "triton-origin-x86_64-23.4.0",
                "master-20251201T000000Z-gaaaaaaa",
                UUID_PUBLISHED,
                "5e4c3f98-aca4-11ee-9db8-00151714048c",
                SPEC,
                true,
                List.of(),
                null)));
  }

  static ExportResult export() {
    return new ExportResult(
        DIR,
        "/acct/public/builds/triton-origin-image/master-latest",
        List.of(
            new ExportResult.Image(
                "triton-origin-x86_64-24.4.1",
                "master-20250116T175211Z-gb17eb8e",
                UUID_B,
                DIR + "/triton-origin-x86_64-24.4.1-master-20250116T175211Z-gb17eb8e.imgmanifest",
                DIR + "/triton-origin-x86_64-24.4.1-master-20250116T175211Z-gb17eb8e.zfs.gz",
                "9e107d9d372bb6826bd81d3542a419d6")));
  }

  /** Returns a mutable copy of {@code map}, to edit into a bad one. */
  static Map<String, Object> copy(Map<String, Object> map) {
    return new LinkedHashMap<>(map);
  }
}
