package org.tritondatacenter.origin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.tritondatacenter.origin.auth.SignatureAlgorithm.ECDSA_SHA256;
import static org.tritondatacenter.origin.auth.SignatureAlgorithm.ECDSA_SHA512;
import static org.tritondatacenter.origin.auth.SignatureAlgorithm.RSA_SHA1;
import static org.tritondatacenter.origin.auth.SignatureAlgorithm.RSA_SHA256;
import static org.tritondatacenter.origin.auth.SignatureAlgorithm.RSA_SHA512;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.tritondatacenter.origin.KeyException;
import org.tritondatacenter.origin.Service;

class AlgorithmPolicyTest {
  @Test
  void accepted_cloudApiAndManta_rsaAndTheTwoUsableEcdsa() {
    assertThat(AlgorithmPolicy.accepted(Service.CLOUDAPI))
        .containsExactlyInAnyOrder(RSA_SHA1, RSA_SHA256, RSA_SHA512, ECDSA_SHA256, ECDSA_SHA512);
    assertThat(AlgorithmPolicy.accepted(Service.MANTA))
        .isEqualTo(AlgorithmPolicy.accepted(Service.CLOUDAPI));
  }

  @Test
  void accepted_imgapi_rsaSha1AndSha256Only() {
    assertThat(AlgorithmPolicy.accepted(Service.IMGAPI))
        .containsExactlyInAnyOrder(RSA_SHA1, RSA_SHA256);
    assertThat(AlgorithmPolicy.acceptedKeyTypes(Service.IMGAPI)).containsExactly(KeyType.RSA);
  }

  @ParameterizedTest
  @CsvSource({
    "openssh-rsa, CLOUDAPI, RSA_SHA256",
    "openssh-rsa, MANTA, RSA_SHA256",
    "openssh-rsa, IMGAPI, RSA_SHA256",
    "pem-ecdsa256, CLOUDAPI, ECDSA_SHA256",
    "pkcs8-ecdsa521, MANTA, ECDSA_SHA512"
  })
  void choose_acceptedKeyType_defaultAlgorithm(
      String fixture, Service service, SignatureAlgorithm expected) {
    SigningKey key = SshKeys.load(Fixtures.file(fixture), null);

    assertThat(AlgorithmPolicy.choose(service, key)).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(Service.class)
  void choose_ed25519AndP384_refusedEverywhereNamingTheTypesTaken(Service service) {
    for (String fixture : new String[] {"openssh-ed25519", "openssh-ecdsa384"}) {
      SigningKey key = SshKeys.load(Fixtures.file(fixture), null);

      KeyException e =
          catchThrowableOfType(KeyException.class, () -> AlgorithmPolicy.choose(service, key));

      assertThat(e.getMessage())
          .contains(key.fingerprint().sha256(), service.displayName(), "Use an RSA key")
          .contains(
              service == Service.IMGAPI
                  ? "accepts RSA keys only"
                  : "accepts RSA, ECDSA P-256 and ECDSA P-521 keys only");
    }
  }

  @Test
  void choose_ecdsaForImgapi_refused() {
    SigningKey key = SshKeys.load(Fixtures.file("openssh-ecdsa256"), null);

    KeyException e =
        catchThrowableOfType(KeyException.class, () -> AlgorithmPolicy.choose(Service.IMGAPI, key));

    assertThat(e.getMessage()).contains("ECDSA P-256 key", "IMGAPI", "accepts RSA keys only");
  }
}
