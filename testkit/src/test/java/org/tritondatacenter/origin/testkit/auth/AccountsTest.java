package org.tritondatacenter.origin.testkit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tritondatacenter.origin.testkit.KeyKind;

class AccountsTest {
  private final Accounts accounts = new Accounts("alice", kind -> Instant.now());

  @Test
  void accountsAndSubUsers_exist_withStableUuids() {
    accounts.addSubUser("alice", "bob");
    Accounts other = new Accounts("alice", kind -> Instant.now());

    assertThat(accounts.accountExists("alice")).isTrue();
    assertThat(accounts.accountExists("carol")).isFalse();
    assertThat(accounts.subUserExists("alice", "bob")).isTrue();
    assertThat(accounts.subUserExists("alice", "dave")).isFalse();
    assertThat(accounts.accountUuid("alice"))
        .isEqualTo(other.accountUuid("alice"))
        .isNotEqualTo(accounts.accountUuid("carol"));
    assertThat(accounts.subUserUuid("alice", "bob")).isNotEqualTo(accounts.accountUuid("alice"));
  }

  @Test
  void addKey_withoutName_isNamedByFingerprint_andListed() {
    String line = TestKeys.rsa().publicKeyLine();

    accounts.addKey("alice", null, line);
    accounts.addKey("alice", null, line);

    assertThat(accounts.keys("alice", null))
        .containsExactly(
            new AccountKey(
                TestKeys.rsa().md5Fingerprint(),
                TestKeys.rsa().md5Fingerprint(),
                TestKeys.rsa().sha256Fingerprint(),
                line));
  }

  @Test
  void addKey_nameInUse_isRefused() {
    accounts.addKey("alice", null, "laptop", TestKeys.rsa().publicKeyLine());

    assertThatThrownBy(
            () ->
                accounts.addKey(
                    "alice", null, "laptop", TestKeys.of(KeyKind.ECDSA_P256).publicKeyLine()))
        .hasMessageContaining("already has a key named 'laptop'");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|the public key line is empty",
        "ssh-rsa|expected '<type> <base64 key data> [comment]'",
        "ssh-dss AAAA|unsupported key type 'ssh-dss' (supported: ssh-rsa, ecdsa-sha2-nistp256",
        "ssh-rsa not*base64|the ssh-rsa key data is not valid base64",
        "ssh-rsa AAAAB3NzaC1yc2EAAAADAQAB|the ssh-rsa public key is malformed: key data is truncated"
      })
  void addKey_malformedLine_isRefusedNamingTheProblem(String line, String message) {
    assertThatThrownBy(() -> accounts.addKey("alice", null, line))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot register a key for alice: ")
        .hasMessageContaining(message);
  }

  @Test
  void addKey_blobOfAnotherType_isRefused() {
    String rsaBlob = TestKeys.rsa().publicKeyLine().split(" ")[1];

    assertThatThrownBy(() -> accounts.addKey("alice", null, "ssh-ed25519 " + rsaBlob))
        .hasMessageContaining("the key data says 'ssh-rsa' but the line says 'ssh-ed25519'");
  }

  @Test
  void addKey_pointOffTheCurve_isRefused() {
    byte[] point = new byte[65];
    point[0] = 4;
    point[64] = 1;
    byte[] blob =
        new SshWire.Writer()
            .string("ecdsa-sha2-nistp256")
            .string("nistp256")
            .bytes(point)
            .toByteArray();
    String line = "ecdsa-sha2-nistp256 " + Base64.getEncoder().encodeToString(blob);

    assertThatThrownBy(() -> accounts.addKey("alice", null, line))
        .hasMessageContaining("the point is not on nistp256");
  }

  @Test
  void addKey_unknownAccountOrSubUser_saysWhatToDo() {
    String line = TestKeys.rsa().publicKeyLine();

    assertThatThrownBy(() -> accounts.addKey("carol", null, line))
        .hasMessageContaining("no account 'carol'")
        .hasMessageContaining("addAccount");
    assertThatThrownBy(() -> accounts.addKey("alice", "bob", line))
        .hasMessageContaining("has no sub-user 'bob'")
        .hasMessageContaining("addSubUser");
  }

  @Test
  void addSubUser_invalidName_isRefused() {
    assertThatThrownBy(() -> accounts.addSubUser("alice", "bo b"))
        .hasMessageContaining("invalid sub-user login 'bo b'");
  }
}
