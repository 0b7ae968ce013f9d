package org.tritondatacenter.origin.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tritondatacenter.origin.TritonException;

class BuildStampTest {
  private static final String COMMIT = "b17eb8e0c2a4f6e8d0c2a4f6e8d0c2a4f6e8d0c2";

  @ParameterizedTest
  @CsvSource({
    "master, master",
    "feature/x, feature-x",
    "release/2024 Q1+fix, release-2024-Q1-fix",
    "PR-42, PR-42",
    "v1.2_rc.3, v1.2_rc.3",
    "caf\u00e9/\u00fcber, caf---ber"
  })
  void sanitizeBranch_anyName_keepsOnlySafeCharacters(String branch, String expected) {
    assertThat(ImageNaming.sanitizeBranch(branch)).isEqualTo(expected);
  }

  @Test
  void version_sanitisedBranch_isBranchTimestampShortSha() {
    BuildStamp stamp = BuildStamp.of("feature/x", "20250116T175211Z", COMMIT);

    assertThat(stamp.branch()).isEqualTo("feature-x");
    assertThat(stamp.version()).isEqualTo("feature-x-20250116T175211Z-gb17eb8e");
    assertThat(stamp.shortCommit()).isEqualTo("b17eb8e");
    assertThat(stamp.buildDirName()).isEqualTo("feature-x-20250116T175211Z");
    assertThat(stamp.instant()).isEqualTo(Instant.parse("2025-01-16T17:52:11Z"));
  }

  @Test
  void of_instant_formatsUtcAndDropsFractions() {
    BuildStamp stamp =
        BuildStamp.of("master", Instant.parse("2025-01-16T17:52:11.987Z"), "ABCDEF1");

    assertThat(stamp.timestamp()).isEqualTo("20250116T175211Z");
    assertThat(stamp.commit()).isEqualTo("abcdef1");
    assertThat(stamp.version()).isEqualTo("master-20250116T175211Z-gabcdef1");
    assertThat(ImageNaming.versionProblem(stamp.version())).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-01-16T17:52:11Z",
        "20250116T175211",
        "20251316T175211Z",
        "20250230T000000Z",
        "20250116T245211Z",
        "20250116t175211z"
      })
  void new_malformedTimestamp_isRefused(String timestamp) {
    assertThatThrownBy(() -> BuildStamp.of("master", timestamp, COMMIT))
        .isInstanceOf(TritonException.class)
        .hasMessageContaining("timestamp '" + timestamp + "' is malformed")
        .hasMessageContaining("expected UTC time as YYYYMMDDTHHMMSSZ");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"abc12", "xyz1234", "b17eb8e0c2a4f6e8d0c2a4f6e8d0c2a4f6e8d0c2a", "b17 eb8e"})
  void new_malformedCommit_isRefused(String commit) {
    assertThatThrownBy(() -> BuildStamp.of("master", "20250116T175211Z", commit))
        .hasMessageContaining("gitCommit '" + commit + "' is malformed")
        .hasMessageContaining("7 to 40 hex digits");
  }

  @Test
  void new_severalBadFields_reportsAll() {
    assertThatThrownBy(() -> BuildStamp.of("", "yesterday", null))
        .hasMessage(
            "invalid build stamp: branch is empty; expected the git branch name, such as master;"
                + " timestamp 'yesterday' is malformed; expected UTC time as YYYYMMDDTHHMMSSZ,"
                + " such as 20250116T175211Z; gitCommit is missing; expected a git commit hash of"
                + " 7 to 40 hex digits");
  }

  @Test
  void new_unsanitisedBranch_isRefused() {
    assertThatThrownBy(() -> new BuildStamp("feature/x", "20250116T175211Z", COMMIT))
        .hasMessageContaining("branch 'feature/x' is not sanitised");
  }

  @Test
  void new_longestBranch_fitsTheVersionLimit() {
    String longest = "b".repeat(BuildStamp.MAX_BRANCH);

    BuildStamp stamp = BuildStamp.of(longest, "20250116T175211Z", COMMIT);

    assertThat(stamp.version()).hasSize(ImageNaming.MAX_VERSION);
    assertThatThrownBy(() -> BuildStamp.of(longest + "b", "20250116T175211Z", COMMIT))
        .hasMessageContaining("characters long; at most " + BuildStamp.MAX_BRANCH);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.0", "master-20250116T175211Z-gb17eb8e", "2.0+local", "A_b.c-1"})
  void requireVersion_imgapiCharset_accepts(String version) {
    assertThat(ImageNaming.requireVersion(version)).isEqualTo(version);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a/b|version 'a/b' has characters IMGAPI versions do not allow",
        "1.0 beta|version '1.0 beta' has characters IMGAPI versions do not allow",
        "''|version is empty",
        "1.0\u00e9|version contains the non-ASCII character U+00E9 at position 4"
      })
  void requireVersion_badVersion_isRefusedWithReason(String version, String message) {
    assertThatThrownBy(() -> ImageNaming.requireVersion(version))
        .isInstanceOf(TritonException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void requireVersion_tooLong_isRefused() {
    assertThatThrownBy(() -> ImageNaming.requireVersion("1".repeat(129)))
        .hasMessage("version is 129 characters long; IMGAPI allows at most 128");
  }
}
