package org.tritondatacenter.origin.manta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MantaPathTest {

  @Test
  void of_storPath_keepsSegmentsAndPrintsUnencoded() {
    MantaPath path = MantaPath.of("alice", "/alice/stor/builds/a b.zfs.gz");

    assertThat(path.login()).isEqualTo("alice");
    assertThat(path.top()).isEqualTo("stor");
    assertThat(path.segments()).containsExactly("stor", "builds", "a b.zfs.gz");
    assertThat(path.name()).isEqualTo("a b.zfs.gz");
    assertThat(path).hasToString("/alice/stor/builds/a b.zfs.gz");
    assertThat(path.isTop()).isFalse();
  }

  @Test
  void of_tildePrefixAndTrailingSlash_areNormalised() {
    assertThat(MantaPath.of("alice", "~~/public/x/"))
        .isEqualTo(MantaPath.of("alice", "/alice/public/x"))
        .hasToString("/alice/public/x");
  }

  @Test
  void encoded_percentEncodesEachSegmentOnItsOwn() {
    MantaPath path = MantaPath.of("alice", "/alice/stor/a b/c%d/é:?#&+");

    assertThat(path.encoded()).isEqualTo("/alice/stor/a%20b/c%25d/%C3%A9%3A%3F%23%26%2B");
  }

  @Test
  void parentResolveAndName_walkThePath() {
    MantaPath dir = MantaPath.of("alice", "/alice/stor/builds");

    MantaPath file = dir.resolve("2026/01/image.zfs.gz");

    assertThat(file).hasToString("/alice/stor/builds/2026/01/image.zfs.gz");
    assertThat(file.parent()).hasToString("/alice/stor/builds/2026/01");
    assertThat(file.parent().parent().parent()).isEqualTo(dir);
    assertThat(dir.parent().isTop()).isTrue();
    assertThatThrownBy(() -> dir.parent().parent())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/alice/stor is a top-level directory");
  }

  @Test
  void of_anotherAccount_isRefusedNamingPathAndAccount() {
    assertThatThrownBy(() -> MantaPath.of("alice", "/bob/stor/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The Manta path '/bob/stor/x' is outside the account 'alice' this client signs as;"
                + " use a path under /alice/stor or /alice/public.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/alice/stor/../../bob/stor/x",
        "/alice/stor/a/../b",
        "/alice/stor/./b",
        "/alice/stor//b",
      })
  void of_dotOrEmptySegments_areRefused(String path) {
    assertThatThrownBy(() -> MantaPath.of("alice", path))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("The Manta path '" + path + "' has ")
        .hasMessageContaining("without empty, . or .. segments");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/alice/jobs/x", "/alice/reports", "/alice/uploads/x", "/alice", "~~"})
  void of_outsideStorAndPublic_isRefused(String path) {
    assertThatThrownBy(() -> MantaPath.of("alice", path))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not under /alice/stor or /alice/public");
  }

  @Test
  void of_relativePath_isRefused() {
    assertThatThrownBy(() -> MantaPath.of("alice", "stor/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'stor/x' is not absolute; give it as /alice/stor/...");
  }

  @Test
  void of_controlCharacter_isRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> MantaPath.of("alice", "/alice/stor/a\nb"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The Manta path '/alice/stor/a?b' contains a control character; remove it.");
  }

  @Test
  void resolve_absoluteOrClimbing_isRefused() {
    MantaPath dir = MantaPath.of("alice", "/alice/stor/d");

    assertThatThrownBy(() -> dir.resolve("/alice/stor/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is absolute");
    assertThatThrownBy(() -> dir.resolve("../x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> dir.resolve("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void of_badLogin_isRefused() {
    for (String login : List.of("", " ", "a/b")) {
      assertThatThrownBy(() -> MantaPath.of(login, "/a/stor"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Manta login");
    }
  }
}
