package org.tritondatacenter.origin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyIdsTest {
  private static final Fingerprint FP =
      Fingerprint.ofPublicKeyBlob(Fixtures.publicBlob("openssh-rsa"));
  private static final String MD5 = Fixtures.md5("openssh-rsa");

  @Test
  void cloudApi_accountAndSubUser_usersSegmentForSubUsers() {
    assertThat(KeyIds.cloudApi("acct", null, FP)).isEqualTo("/acct/keys/" + MD5);
    assertThat(KeyIds.cloudApi("acct", "builder", FP)).isEqualTo("/acct/users/builder/keys/" + MD5);
  }

  @Test
  void manta_accountAndSubUser_noUsersSegment() {
    assertThat(KeyIds.manta("acct", null, FP)).isEqualTo("/acct/keys/" + MD5);
    assertThat(KeyIds.manta("acct", "builder", FP)).isEqualTo("/acct/builder/keys/" + MD5);
  }

  @Test
  void imgapi_user_bareName() {
    assertThat(KeyIds.imgapi("mg")).isEqualTo("mg");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "a/b", "a\"b", "a b", "a\\b", "a\nb"})
  void cloudApi_loginThatBreaksTheKeyId_throwsNamingTheField(String login) {
    assertThatThrownBy(() -> KeyIds.cloudApi(login, null, FP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("login");
  }

  @Test
  void manta_subUserWithSlash_throwsNamingTheField() {
    assertThatThrownBy(() -> KeyIds.manta("acct", "x/y", FP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sub-user 'x/y'");
  }
}
