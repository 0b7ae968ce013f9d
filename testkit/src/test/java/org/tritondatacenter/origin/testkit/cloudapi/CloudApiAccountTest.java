package org.tritondatacenter.origin.testkit.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tritondatacenter.origin.testkit.cloudapi.CloudApiMachinesTest.assertError;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.testkit.cloudapi.CloudApiHarness.Answer;

/** GetAccount, ListKeys and GetKey, which node-triton's info, account and key commands call. */
class CloudApiAccountTest {
  private CloudApiHarness h;

  @BeforeEach
  void start() throws Exception {
    h = CloudApiHarness.start();
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  @Test
  void getAccount_answersTheLoginAndItsUuid() {
    Answer mine = h.get("/my");
    Answer byLogin = h.get("/alice");

    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.map())
        .containsEntry("login", "alice")
        .containsEntry("id", CloudApiSimulator.accountUuid("alice"))
        .containsKeys("email", "created", "updated");
    assertThat(byLogin.map()).isEqualTo(mine.map());
  }

  @Test
  void getAccount_ofAnotherAccount_isRefused() {
    assertThat(h.get("/bob").status()).isEqualTo(403);
    assertThat(h.get("/carol").status()).isEqualTo(404);
  }

  @Test
  void listKeys_answersNameMd5FingerprintAndKey() {
    List<Map<String, Object>> keys = h.get("/my/keys").list();

    assertThat(keys).hasSize(1);
    assertThat(keys.get(0))
        .containsEntry("name", "laptop")
        .containsEntry("fingerprint", TestAuth.ALICE_KEY_MD5)
        .containsEntry("key", TestAuth.ALICE_KEY);
  }

  @Test
  void getKey_findsByNameOrFingerprint_or404() {
    Answer byName = h.get("/my/keys/laptop");
    Answer byFingerprint = h.get("/alice/keys/" + TestAuth.ALICE_KEY_MD5);

    assertThat(byName.status()).isEqualTo(200);
    assertThat(byName.map()).containsEntry("fingerprint", TestAuth.ALICE_KEY_MD5);
    assertThat(byFingerprint.map()).isEqualTo(byName.map());
    assertError(h.get("/my/keys/desktop"), 404, "ResourceNotFound", "desktop");
  }
}
