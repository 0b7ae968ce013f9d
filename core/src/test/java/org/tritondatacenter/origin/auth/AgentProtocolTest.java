package org.tritondatacenter.origin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.junit.jupiter.api.Test;

class AgentProtocolTest {
  @Test
  void parseIdentities_answerWithTwoKeys_blobsAndComments() {
    byte[] blob = Fixtures.publicBlob("openssh-ed25519");
    byte[] answer =
        new WireWriter()
            .writeByte(AgentProtocol.SSH2_AGENT_IDENTITIES_ANSWER)
            .writeUint32(2)
            .writeString(blob)
            .writeString("one")
            .writeString(new byte[] {0, 0, 0, 7, 's', 's', 'h', '-', 'd', 's', 's'})
            .writeString("two")
            .toByteArray();

    List<AgentProtocol.Identity> identities = AgentProtocol.parseIdentities(answer);

    assertThat(identities)
        .extracting(AgentProtocol.Identity::comment)
        .containsExactly("one", "two");
    assertThat(identities.get(0).blob()).isEqualTo(blob);
  }

  @Test
  void parseIdentities_countBeyondTheData_throwsWireFormatException() {
    byte[] answer =
        new WireWriter()
            .writeByte(AgentProtocol.SSH2_AGENT_IDENTITIES_ANSWER)
            .writeUint32(1)
            .writeUint32(1000)
            .toByteArray();

    assertThatThrownBy(() -> AgentProtocol.parseIdentities(answer))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("claims 1000 bytes");
  }

  @Test
  void parseSignResponse_failure_null() {
    assertThat(AgentProtocol.parseSignResponse(new byte[] {AgentProtocol.SSH_AGENT_FAILURE}))
        .isNull();
  }

  @Test
  void signRequest_rsaSha256_carriesBlobDataAndFlag() {
    byte[] request =
        AgentProtocol.signRequest(
            new byte[] {1, 2}, new byte[] {3}, AgentProtocol.flags(SignatureAlgorithm.RSA_SHA256));

    assertThat(request).containsExactly(13, 0, 0, 0, 2, 1, 2, 0, 0, 0, 1, 3, 0, 0, 0, 2);
  }

  @Test
  void ecdsaToDer_mpintsWithAndWithoutSignByte_derIntegersOfTheSameValues() throws Exception {
    BigInteger r =
        new BigInteger("ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00", 16);
    BigInteger s = BigInteger.valueOf(0x7f);
    byte[] ssh = new WireWriter().writeMpint(r).writeMpint(s).toByteArray();

    ASN1Sequence der = ASN1Sequence.getInstance(SignatureEncoding.ecdsaToDer(ssh));

    assertThat(der.size()).isEqualTo(2);
    assertThat(ASN1Integer.getInstance(der.getObjectAt(0)).getValue()).isEqualTo(r);
    assertThat(ASN1Integer.getInstance(der.getObjectAt(1)).getValue()).isEqualTo(s);
  }

  @Test
  void padRsa_signatureShorterThanTheModulus_leftPaddedWithZeros() {
    RSAPublicKey key =
        (RSAPublicKey) IndependentVerifier.publicKey(Fixtures.publicBlob("openssh-rsa"));
    byte[] shortSignature = new byte[255];
    shortSignature[0] = 9;

    byte[] padded = SignatureEncoding.padRsa(key, shortSignature);

    assertThat(padded).hasSize(256);
    assertThat(padded[0]).isZero();
    assertThat(padded[1]).isEqualTo((byte) 9);
  }

  @Test
  void publicKeyBlobs_encodeOfDecode_roundTripsEveryType() {
    for (String name : Fixtures.SUPPORTED) {
      byte[] blob = Fixtures.publicBlob(name);
      PublicKeyBlobs.Decoded decoded = PublicKeyBlobs.decode(blob).orElseThrow();

      assertThat(PublicKeyBlobs.encode(decoded.type(), decoded.key())).as(name).isEqualTo(blob);
    }
  }
}
