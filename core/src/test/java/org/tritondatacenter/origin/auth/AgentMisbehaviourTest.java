package org.tritondatacenter.origin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.KeyException;

class AgentMisbehaviourTest {
  @TempDir Path dir;

  @Test
  void sign_agentAnswersSha1WhenSha256WasAsked_refusesToUseIt() throws Exception {
    byte[] blob = Fixtures.publicBlob("openssh-rsa");
    byte[] sha1Signature =
        new WireWriter().writeString("ssh-rsa").writeString(new byte[256]).toByteArray();
    byte[] answer =
        new WireWriter()
            .writeByte(AgentProtocol.SSH2_AGENT_SIGN_RESPONSE)
            .writeString(sha1Signature)
            .toByteArray();
    SigningKey key = agentKey(blob);

    try (FakeAgent fake = new FakeAgent(dir.resolve("a.sock"), FakeAgent.framed(answer))) {
      KeyException e =
          catchThrowableOfType(
              KeyException.class, () -> key.sign(SignatureAlgorithm.RSA_SHA256, new byte[] {1}));

      assertThat(e.getMessage())
          .contains("signed with ssh-rsa when rsa-sha2-256 was asked for", "newer ssh-agent");
    }
  }

  @Test
  void listIdentities_absurdLength_saysItIsNoAgent() throws Exception {
    byte[] answer = {0x7f, 0, 0, 0, 12};

    try (FakeAgent fake = new FakeAgent(dir.resolve("b.sock"), answer)) {
      KeyException e =
          catchThrowableOfType(
              KeyException.class, () -> SshAgent.at(dir.resolve("b.sock")).listIdentities());

      assertThat(e.getMessage()).contains("which no agent sends", "SSH_AUTH_SOCK");
    }
  }

  @Test
  void listIdentities_answerCutShort_saysTheAgentClosedTheConnection() throws Exception {
    byte[] answer = {0, 0, 0, 9, 12};

    try (FakeAgent fake = new FakeAgent(dir.resolve("c.sock"), answer)) {
      KeyException e =
          catchThrowableOfType(
              KeyException.class, () -> SshAgent.at(dir.resolve("c.sock")).listIdentities());

      assertThat(e.getMessage()).contains("closed the connection in the middle of an answer");
    }
  }

  @Test
  void listIdentities_wrongMessageType_saysMalformed() throws Exception {
    byte[] answer = FakeAgent.framed(new byte[] {AgentProtocol.SSH_AGENT_FAILURE});

    try (FakeAgent fake = new FakeAgent(dir.resolve("d.sock"), answer)) {
      KeyException e =
          catchThrowableOfType(
              KeyException.class, () -> SshAgent.at(dir.resolve("d.sock")).listIdentities());

      assertThat(e.getMessage()).contains("malformed key listing", "message 5");
    }
  }

  private SigningKey agentKey(byte[] blob) {
    PublicKeyBlobs.Decoded decoded = PublicKeyBlobs.decode(blob).orElseThrow();
    return new AgentSigningKey(
        SshAgent.at(dir.resolve("a.sock")), blob, decoded.type(), decoded.key(), "fake");
  }
}
