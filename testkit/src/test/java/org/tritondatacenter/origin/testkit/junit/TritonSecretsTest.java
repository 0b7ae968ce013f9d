package org.tritondatacenter.origin.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TritonSecretsTest {

  @Test
  void privateKeyLines_pemKey_areTheLongBase64Lines() {
    List<Secret> lines =
        TritonSecrets.privateKeyLines(FakeKeys.KEY.privateKeyText(), FakeKeys.KEY.publicKeyLine());

    assertThat(lines).isNotEmpty().allSatisfy(s -> assertThat(s.value()).hasSizeGreaterThan(15));
    assertThat(lines).extracting(Secret::value).doesNotContain("-----BEGIN PRIVATE KEY-----");
    assertThat(lines).extracting(Secret::value).contains(FakeKeys.privateLine());
  }

  @Test
  void privateKeyLines_linesHeldByThePublicKey_areLeftOut() {
    String publicBase64 = FakeKeys.KEY.publicKeyLine().split(" ")[1];
    String fakePrivate =
        "-----BEGIN X-----\n" + publicBase64.substring(8, 72) + "\n-----END X-----";

    assertThat(TritonSecrets.privateKeyLines(fakePrivate, FakeKeys.KEY.publicKeyLine())).isEmpty();
  }

  @Test
  void of_requestLog_yieldsHeaderAndUrlSignaturesInBothEncodings() {
    List<Secret> secrets = TritonSecrets.of(List.of(), List.of(FakeSession.signedRequest()));

    assertThat(secrets)
        .extracting(Secret::value)
        .contains(FakeKeys.SIGNATURE, FakeKeys.URL_SIGNATURE, FakeKeys.URL_SIGNATURE_ENCODED);
    assertThat(secrets).extracting(Secret::kind).containsOnly(TritonSecrets.SIGNATURE);
  }

  @Test
  void secret_toString_neverShowsTheValue() {
    assertThat(new Secret("passphrase", "hunter2hunter2").toString())
        .doesNotContain("hunter2")
        .contains("passphrase");
  }
}
