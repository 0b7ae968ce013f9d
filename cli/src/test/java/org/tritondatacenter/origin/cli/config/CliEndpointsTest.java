package org.tritondatacenter.origin.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.KeyException;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.auth.TestAgent;
import org.tritondatacenter.origin.runner.ResolvedEndpoint;
import org.tritondatacenter.origin.testkit.TestKey;

/** Each source of settings and their precedence: flags, variables, profiles, the agent. */
class CliEndpointsTest {
  @TempDir Path dir;

  private Path home;
  private Path work;
  private TestKey key;
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void setUp() throws IOException {
    home = Files.createDirectories(dir.resolve("home"));
    work = Files.createDirectories(dir.resolve("work"));
    key = Keys.write(home.resolve(".ssh/id_rsa"));
  }

  private CliEndpoints endpoints(ConnectionFlags flags) {
    return CliEndpoints.create(env, home, work, flags, PassphrasePrompt.NONE, false);
  }

  private ResolvedEndpoint cloudApi(ConnectionFlags flags) {
    return endpoints(flags).resolve(Service.CLOUDAPI, null);
  }

  private static ConnectionFlags cloudFlags(ServiceFlags cloudApi) {
    return new ConnectionFlags(
        null,
        null,
        cloudApi,
        ServiceFlags.NONE,
        ServiceFlags.NONE,
        ServiceFlags.NONE,
        ServiceFlags.NONE);
  }

  private void profile(String name, String json) throws IOException {
    Path file = home.resolve(".triton/profiles.d/" + name + ".json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, json);
  }

  @Test
  void cloudApi_withTritonVariables_usesEnvProfileAndFindsKeyInSshDir() {
    env.put("TRITON_URL", "https://cloudapi.example.com");
    env.put("TRITON_ACCOUNT", "alice");
    env.put("TRITON_KEY_ID", key.sha256Fingerprint());
    env.put("TRITON_USER", "bob");

    ResolvedEndpoint e = cloudApi(ConnectionFlags.NONE);

    assertThat(e.url()).isEqualTo(URI.create("https://cloudapi.example.com"));
    assertThat(e.login()).isEqualTo("alice");
    assertThat(e.subUser()).isEqualTo("bob");
    assertThat(e.key().fingerprint().md5()).isEqualTo(key.md5Fingerprint());
    assertThat(e.tls().insecure()).isFalse();
  }

  @Test
  void cloudApi_withOnlySdcVariables_fallsBackToThem() {
    env.put("SDC_URL", "https://sdc.example.com");
    env.put("SDC_ACCOUNT", "carol");
    env.put("SDC_KEY_ID", key.md5Fingerprint());
    env.put("SDC_TLS_INSECURE", "1");

    ResolvedEndpoint e = cloudApi(ConnectionFlags.NONE);

    assertThat(e.url().getHost()).isEqualTo("sdc.example.com");
    assertThat(e.login()).isEqualTo("carol");
    assertThat(e.tls().insecure()).isTrue();
  }

  @Test
  void cloudApi_withFlags_overridesVariables() {
    env.put("TRITON_URL", "https://env.example.com");
    env.put("TRITON_ACCOUNT", "alice");
    env.put("TRITON_KEY_ID", key.sha256Fingerprint());

    ResolvedEndpoint e =
        cloudApi(
            cloudFlags(new ServiceFlags("https://flag.example.com", "dave", null, null, true)));

    assertThat(e.url().getHost()).isEqualTo("flag.example.com");
    assertThat(e.login()).isEqualTo("dave");
    assertThat(e.tls().insecure()).isTrue();
  }

  @Test
  void cloudApi_withProfileInConfigJson_ignoresStaleSdcUrl() throws IOException {
    Files.createDirectories(home.resolve(".triton"));
    Files.writeString(home.resolve(".triton/config.json"), "{\"profile\": \"east\"}");
    profile(
        "east",
        "{\"url\": \"https://east.example.com\", \"account\": \"erin\", \"keyId\": \""
            + key.md5Fingerprint()
            + "\"}");
    env.put("SDC_URL", "https://stale.example.com");
    env.put("SDC_ACCOUNT", "mallory");

    ResolvedEndpoint e = cloudApi(ConnectionFlags.NONE);

    assertThat(e.url().getHost()).isEqualTo("east.example.com");
    assertThat(e.login()).isEqualTo("erin");
  }

  @Test
  void cloudApi_withTritonProfileVariable_beatsConfigJsonAndLosesToFlag() throws IOException {
    Files.createDirectories(home.resolve(".triton"));
    Files.writeString(home.resolve(".triton/config.json"), "{\"profile\": \"east\"}");
    String keyId = "\"keyId\": \"" + key.md5Fingerprint() + "\"";
    profile("east", "{\"url\": \"https://east.example.com\", \"account\": \"a\", " + keyId + "}");
    profile("west", "{\"url\": \"https://west.example.com\", \"account\": \"b\", " + keyId + "}");
    profile("lab", "{\"url\": \"https://lab.example.com\", \"account\": \"c\", " + keyId + "}");
    env.put("TRITON_PROFILE", "west");

    assertThat(cloudApi(ConnectionFlags.NONE).url().getHost()).isEqualTo("west.example.com");
    ConnectionFlags flags =
        new ConnectionFlags(
            "lab",
            null,
            ServiceFlags.NONE,
            ServiceFlags.NONE,
            ServiceFlags.NONE,
            ServiceFlags.NONE,
            ServiceFlags.NONE);
    assertThat(cloudApi(flags).url().getHost()).isEqualTo("lab.example.com");
  }

  @Test
  void cloudApi_withProfileAndFlag_flagOverridesProfileField() throws IOException {
    profile(
        "east",
        "{\"url\": \"https://east.example.com\", \"account\": \"erin\", \"keyId\": \""
            + key.md5Fingerprint()
            + "\"}");
    env.put("TRITON_PROFILE", "east");

    ResolvedEndpoint e = cloudApi(cloudFlags(new ServiceFlags(null, "frank", null, null, null)));

    assertThat(e.url().getHost()).isEqualTo("east.example.com");
    assertThat(e.login()).isEqualTo("frank");
  }

  @Test
  void cloudApi_withNothingConfigured_namesEachMissingVariableAndFlag() {
    assertThatThrownBy(() -> cloudApi(ConnectionFlags.NONE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("TRITON_URL or SDC_URL, or give --url")
        .hasMessageContaining("TRITON_ACCOUNT or SDC_ACCOUNT, or give --account")
        .hasMessageContaining("TRITON_KEY_ID");
  }

  @Test
  void cloudApi_withMissingProfile_namesTheFileAndWhatChoseIt() {
    env.put("TRITON_PROFILE", "nowhere");

    assertThatThrownBy(() -> cloudApi(ConnectionFlags.NONE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no such Triton profile: 'nowhere'")
        .hasMessageContaining("TRITON_PROFILE")
        .hasMessageContaining("profiles.d/nowhere.json");
  }

  @Test
  void cloudApi_withUnknownProfileField_refusesIt() throws IOException {
    profile(
        "east",
        "{\"url\": \"https://e.example.com\", \"account\": \"a\", \"keyId\": \"x\", \"bogus\": 1}");
    env.put("TRITON_PROFILE", "east");

    assertThatThrownBy(() -> cloudApi(ConnectionFlags.NONE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown fields: bogus");
  }

  @Test
  void cloudApi_withBadInsecureValue_namesTheVariable() {
    env.put("TRITON_URL", "https://cloudapi.example.com");
    env.put("TRITON_ACCOUNT", "alice");
    env.put("TRITON_KEY_ID", key.md5Fingerprint());
    env.put("TRITON_TLS_INSECURE", "maybe");

    assertThatThrownBy(() -> cloudApi(ConnectionFlags.NONE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("TRITON_TLS_INSECURE is 'maybe'");
  }

  @Test
  void cloudApi_withUrlThatIsNoUrl_namesItsSource() {
    env.put("TRITON_URL", "cloudapi.example.com");
    env.put("TRITON_ACCOUNT", "alice");
    env.put("TRITON_KEY_ID", key.md5Fingerprint());

    assertThatThrownBy(() -> cloudApi(ConnectionFlags.NONE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'cloudapi.example.com' (from TRITON_URL)");
  }

  @Test
  void cloudApi_withUnreadableKeyPath_namesTheSettingAndFile() {
    env.put("TRITON_URL", "https://cloudapi.example.com");
    env.put("TRITON_ACCOUNT", "alice");
    env.put("TRITON_KEY_ID", "/nonexistent/key");

    assertThatThrownBy(() -> cloudApi(ConnectionFlags.NONE))
        .isInstanceOf(KeyException.class)
        .hasMessageContaining("the CloudAPI key (TRITON_KEY_ID)")
        .hasMessageContaining("/nonexistent/key");
  }

  @Test
  void cloudApi_withKeyOnlyInAgent_findsItThere() throws Exception {
    Path elsewhere = dir.resolve("elsewhere/agent_key");
    TestKey agentKey = Keys.writeOther(elsewhere);
    try (TestAgent agent = TestAgent.start(Files.createDirectories(dir.resolve("agent")))) {
      agent.add(elsewhere);
      env.put("SSH_AUTH_SOCK", agent.socket().toString());
      env.put("TRITON_URL", "https://cloudapi.example.com");
      env.put("TRITON_ACCOUNT", "alice");
      env.put("TRITON_KEY_ID", agentKey.sha256Fingerprint());

      ResolvedEndpoint e = cloudApi(ConnectionFlags.NONE);

      assertThat(e.key().source()).startsWith("ssh-agent");
      assertThat(e.key().fingerprint().sha256()).isEqualTo(agentKey.sha256Fingerprint());
    }
  }

  @Test
  void manta_withoutMantaUserOrKey_derivesThemFromTritonProfile() {
    env.put("TRITON_URL", "https://cloudapi.example.com");
    env.put("TRITON_ACCOUNT", "alice");
    env.put("TRITON_USER", "builder");
    env.put("TRITON_KEY_ID", key.md5Fingerprint());
    env.put("MANTA_URL", "https://manta.example.com");

    ResolvedEndpoint e = endpoints(ConnectionFlags.NONE).resolve(Service.MANTA, null);

    assertThat(e.login()).isEqualTo("alice");
    assertThat(e.subUser()).isEqualTo("builder");
    assertThat(e.key().fingerprint().md5()).isEqualTo(key.md5Fingerprint());
  }

  @Test
  void manta_withMantaVariables_needsNoTritonProfile() {
    env.put("MANTA_URL", "https://manta.example.com");
    env.put("MANTA_USER", "mia");
    env.put("MANTA_KEY_ID", key.privateKeyFile().toString());
    env.put("MANTA_TLS_INSECURE", "true");

    ResolvedEndpoint e = endpoints(ConnectionFlags.NONE).resolve(Service.MANTA, null);

    assertThat(e.login()).isEqualTo("mia");
    assertThat(e.tls().insecure()).isTrue();
  }

  @Test
  void manta_withoutUrl_saysThereIsNoDefault() {
    env.put("MANTA_USER", "mia");

    assertThatThrownBy(() -> endpoints(ConnectionFlags.NONE).resolve(Service.MANTA, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MANTA_URL")
        .hasMessageContaining("--manta-url")
        .hasMessageContaining("no default");
  }

  @Test
  void imgapi_withoutSettings_isTheUpdatesServerReadAnonymously() {
    ResolvedEndpoint e = endpoints(ConnectionFlags.NONE).resolve(Service.IMGAPI, null);

    assertThat(e.url()).isEqualTo(URI.create(CliEndpoints.UPDATES_URL));
    assertThat(e.key()).isNull();
  }

  @Test
  void imgapi_forWritesWithoutUser_namesTheVariableAndFlag() {
    CliEndpoints writing =
        CliEndpoints.create(env, home, work, ConnectionFlags.NONE, PassphrasePrompt.NONE, true);

    assertThatThrownBy(() -> writing.resolve(Service.IMGAPI, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("UPDATES_IMGADM_USER")
        .hasMessageContaining("--imgapi-user");
  }

  @Test
  void imgapi_withUserAndNoIdentity_usesIdRsaAsUpdatesImgadmDoes() {
    env.put("UPDATES_IMGADM_URL", "https://imgapi.example.com");
    env.put("UPDATES_IMGADM_USER", "releng");
    env.put("UPDATES_IMGADM_CHANNEL", "experimental");

    ResolvedEndpoint e = endpoints(ConnectionFlags.NONE).resolve(Service.IMGAPI, null);

    assertThat(e.login()).isEqualTo("releng");
    assertThat(e.key().fingerprint().md5()).isEqualTo(key.md5Fingerprint());
    assertThat(e.defaultChannel()).isEqualTo("experimental");
  }

  @Test
  void imgapi_withUnknownEndpointName_listsTheKnownNames() {
    assertThatThrownBy(() -> endpoints(ConnectionFlags.NONE).resolve(Service.IMGAPI, "staging"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'staging'")
        .hasMessageContaining("default, source")
        .hasMessageContaining("public");
  }

  @Test
  void imgapi_publicFromVariable_takesUserFromDefaultImgapi() {
    env.put("UPDATES_IMGADM_USER", "releng");
    env.put("TRITON_ORIGIN_PUBLIC_IMGAPI_URL", "https://images.example.com");

    ResolvedEndpoint e = endpoints(ConnectionFlags.NONE).resolve(Service.IMGAPI, "public");

    assertThat(e.url().getHost()).isEqualTo("images.example.com");
    assertThat(e.login()).isEqualTo("releng");
  }

  @Test
  void identityFlag_givesEveryServiceItsKeyUnlessItsOwnFlagDoes() throws IOException {
    TestKey other = Keys.writeOther(dir.resolve("other/key"));
    env.put("TRITON_URL", "https://cloudapi.example.com");
    env.put("TRITON_ACCOUNT", "alice");
    env.put("MANTA_URL", "https://manta.example.com");
    env.put("UPDATES_IMGADM_USER", "releng");
    ConnectionFlags flags =
        new ConnectionFlags(
            null,
            other.privateKeyFile().toString(),
            ServiceFlags.NONE,
            new ServiceFlags(null, null, null, key.privateKeyFile().toString(), null),
            ServiceFlags.NONE,
            ServiceFlags.NONE,
            ServiceFlags.NONE);

    CliEndpoints endpoints = endpoints(flags);

    assertThat(endpoints.resolve(Service.CLOUDAPI, null).key().fingerprint().md5())
        .isEqualTo(other.md5Fingerprint());
    assertThat(endpoints.resolve(Service.IMGAPI, null).key().fingerprint().md5())
        .isEqualTo(other.md5Fingerprint());
    assertThat(endpoints.resolve(Service.MANTA, null).key().fingerprint().md5())
        .isEqualTo(key.md5Fingerprint());
  }
}
