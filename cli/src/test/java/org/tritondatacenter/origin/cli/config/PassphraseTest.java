package org.tritondatacenter.origin.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.KeyException;
import org.tritondatacenter.origin.Service;

/** An encrypted key file: asked for at a terminal, else the agent is the way. */
class PassphraseTest {
  static final String PASSPHRASE = "correct horse battery";

  @TempDir Path dir;
  Path key;

  @BeforeEach
  void setUp() throws Exception {
    Assumptions.assumeTrue(
        List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
            .anyMatch(d -> Files.isExecutable(Path.of(d, "ssh-keygen"))),
        "ssh-keygen is not installed");
    key = dir.resolve("home/.ssh/id_encrypted");
    Files.createDirectories(key.getParent());
    Process p =
        new ProcessBuilder(
                "ssh-keygen",
                "-q",
                "-t",
                "rsa",
                "-b",
                "2048",
                "-N",
                PASSPHRASE,
                "-f",
                key.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
  }

  private CliEndpoints endpoints(PassphrasePrompt prompt) {
    Map<String, String> env =
        Map.of("UPDATES_IMGADM_USER", "releng", "UPDATES_IMGADM_IDENTITY", key.toString());
    return CliEndpoints.create(env, dir.resolve("home"), dir, ConnectionFlags.NONE, prompt, false);
  }

  @Test
  void encryptedKey_atATerminal_isUnlockedWithThePassphraseAsked() {
    List<String> prompts = new ArrayList<>();

    var endpoint =
        endpoints(
                prompt -> {
                  prompts.add(prompt);
                  return PASSPHRASE.toCharArray();
                })
            .resolve(Service.IMGAPI, null);

    assertThat(endpoint.key()).isNotNull();
    assertThat(prompts)
        .singleElement()
        .asString()
        .contains(key.toString())
        .doesNotContain(PASSPHRASE);
  }

  @Test
  void encryptedKey_withoutATerminal_saysToUseTheAgent() {
    assertThatThrownBy(() -> endpoints(PassphrasePrompt.NONE).resolve(Service.IMGAPI, null))
        .isInstanceOf(KeyException.class)
        .hasMessageContaining("UPDATES_IMGADM_IDENTITY")
        .hasMessageContaining("no terminal")
        .hasMessageContaining("ssh-add")
        .hasMessageNotContaining(PASSPHRASE);
  }

  @Test
  void encryptedKey_withWrongPassphrase_saysSoWithoutEchoingIt() {
    assertThatThrownBy(
            () -> endpoints(prompt -> "wrong words".toCharArray()).resolve(Service.IMGAPI, null))
        .isInstanceOf(KeyException.class)
        .hasMessageContaining("does not decrypt it")
        .hasMessageNotContaining("wrong words");
  }
}
