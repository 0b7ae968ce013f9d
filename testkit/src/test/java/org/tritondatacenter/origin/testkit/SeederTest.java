package org.tritondatacenter.origin.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.testkit.cloudapi.CloudApiSimulator;
import org.tritondatacenter.origin.testkit.http.ApiError;
import org.tritondatacenter.origin.testkit.http.AuthProvider;
import org.tritondatacenter.origin.testkit.http.Authenticator;
import org.tritondatacenter.origin.testkit.http.Exchange;
import org.tritondatacenter.origin.testkit.http.Faults;
import org.tritondatacenter.origin.testkit.http.Principal;
import org.tritondatacenter.origin.testkit.http.RequestLog;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.http.TestkitServer;
import org.tritondatacenter.origin.testkit.manta.MantaStore;

class SeederTest {
  private final LocalTritonOptions options = LocalTritonOptions.builder().build();
  private final List<Seeded> privateSeeds = new ArrayList<>();
  private final List<Seeded> publicSeeds = new ArrayList<>();
  private TestkitServer server;
  private CloudApiSimulator cloud;

  record Seeded(Map<String, Object> manifest, List<String> channels) {}

  @BeforeEach
  void start(@TempDir Path dir) {
    server = new TestkitServer("127.0.0.1", new Faults(), new RequestLog());
    cloud =
        new CloudApiSimulator(
            new SimulatorContext(options, new NoAuth(), server, new Faults(), dir), new NoManta());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void seed(String json) {
    Seeder.seedTargets(
        options,
        json,
        cloud,
        List.of(
            new Seeder.Target(ImgapiMode.PRIVATE, (m, c) -> privateSeeds.add(seeded(m, c))),
            new Seeder.Target(ImgapiMode.PUBLIC, (m, c) -> publicSeeds.add(seeded(m, c)))));
  }

  private static Seeded seeded(Map<String, Object> manifest, Collection<String> channels) {
    return new Seeded(manifest, List.copyOf(channels));
  }

  private static String repositoryImagesJson() throws IOException {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("images.json"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("images.json above the module directory").isNotNull();
    return Files.readString(dir.resolve("images.json"));
  }

  @Test
  void seed_withoutImagesJson_addsSamplePackagesANetworkAndBaseImages() {
    seed(null);

    assertThat(cloud.packages())
        .extracting(p -> p.get("name"), p -> p.get("memory"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("sample-512M", 512L),
            org.assertj.core.groups.Tuple.tuple("sample-1G", 1024L),
            org.assertj.core.groups.Tuple.tuple("sample-2G", 2048L),
            org.assertj.core.groups.Tuple.tuple("sample-4G", 4096L));
    assertThat(cloud.networks())
        .singleElement()
        .satisfies(n -> assertThat(n).containsEntry("public", true));
    assertThat(cloud.images())
        .extracting(i -> i.get("name"))
        .contains("base-64-lts", "minimal-64-lts");
    assertThat(privateSeeds).isEmpty();
  }

  @Test
  void seed_repositoryImagesJson_makesEveryOriginActiveEverywhere() throws IOException {
    seed(repositoryImagesJson());

    List<String> origins =
        List.of(
            "a7199134-7e94-11ec-be67-db6f482136c2",
            "5e4c3f98-aca4-11ee-9db8-00151714048c",
            "41bd4100-eb86-409a-85b0-e649aadf6f62");
    assertThat(cloud.images()).extracting(i -> i.get("uuid")).containsExactlyElementsOf(origins);
    assertThat(cloud.images())
        .allSatisfy(
            i -> {
              assertThat(i)
                  .containsEntry("name", "minimal-64-lts")
                  .containsEntry("state", "active")
                  .containsEntry("public", true)
                  .containsEntry("type", "zone-dataset")
                  .containsEntry("os", "smartos")
                  .containsEntry("owner", CloudApiSimulator.ADMIN_UUID);
              assertThat(i.get("files").toString()).contains("sha1", "size", "gzip");
            });
    assertThat(cloud.images().get(0).get("requirements"))
        .isEqualTo(Map.of("min_platform", Map.of("7.0", "20210826T002459Z")));
    assertThat(privateSeeds)
        .extracting(s -> s.manifest().get("uuid"))
        .containsExactlyElementsOf(origins);
    assertThat(privateSeeds)
        .allSatisfy(
            s -> {
              assertThat(s.channels()).isEqualTo(options.channels());
              assertThat(s.manifest()).containsEntry("public", false);
            });
    assertThat(publicSeeds)
        .allSatisfy(
            s -> {
              assertThat(s.channels()).isEmpty();
              assertThat(s.manifest()).containsEntry("public", true);
            });
  }

  @Test
  void seed_repositoryImagesJson_fitsPackagesCatalogueAndPlatform() throws IOException {
    seed(repositoryImagesJson());

    assertThat(cloud.packages())
        .anySatisfy(p -> assertThat((Long) p.get("memory")).isBetween(1024L, 2048L));
    assertThat(cloud.guest().catalogue())
        .contains("coreutils-9.4", "curl-8.6.0", "gsed-4.9nb1", "patch-2.7.6nb1", "sudo-1.9.15p5");
    for (Map<String, Object> image : cloud.images()) {
      String stamp = image.get("requirements").toString().replaceAll(".*7\\.0=(\\w+).*", "$1");
      assertThat(cloud.computeNodePlatform()).isGreaterThan(stamp);
    }
  }

  @Test
  void seed_unknownPackagesAndSmallMemory_areAdded() {
    String json =
        """
        [{"origin": {"uuid": "11111111-2222-4333-8444-555555555555", "name": "base-64-lts",
                     "version": "26.1.0"},
          "pkgsrc": ["jq", "curl"], "protoMinMemoryMb": 200},
         {"origin": {"uuid": "11111111-2222-4333-8444-555555555555", "name": "base-64-lts",
                     "version": "26.1.0"},
          "pkgsrc": ["jq"], "protoMinMemoryMb": 200}]
        """;

    seed(json);

    assertThat(cloud.guest().catalogue()).contains("jq-1.0.0", "curl-8.6.0");
    assertThat(cloud.guest().catalogue()).filteredOn(e -> e.startsWith("jq-")).hasSize(1);
    assertThat(cloud.packages()).extracting(p -> p.get("name")).contains("sample-200M");
    assertThat(cloud.images()).hasSize(1);
    assertThat(privateSeeds).hasSize(1);
    assertThat(cloud.computeNodePlatform()).isEqualTo("20270101T000000Z");
  }

  @Test
  void seed_badImagesJson_namesTheProblem() {
    assertThatThrownBy(() -> seed("{"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("images.json is not valid JSON");
    assertThatThrownBy(() -> seed("{}")).hasMessageContaining("JSON array");
    assertThatThrownBy(() -> seed("[{\"origin\": {\"name\": \"x\", \"version\": \"1\"}}]"))
        .hasMessageContaining("images.json entry 1: origin.uuid");
    assertThat(cloud.packages()).isEmpty();
  }

  @Test
  void seed_imgapiListNotMatchingTheOptions_isRefused() {
    assertThatThrownBy(() -> Seeder.seed(options, null, cloud, List.of()))
        .hasMessageContaining("2 IMGAPI instances configured but 0 given");
  }

  private static final class NoAuth implements AuthProvider {
    @Override
    public Authenticator authenticator(ServiceKind kind) {
      return Authenticator.NONE;
    }

    @Override
    public Principal verifySignedUrl(Exchange exchange) {
      throw new ApiError(403, "InvalidQueryStringAuthentication", "unused");
    }

    @Override
    public boolean accountExists(String account) {
      return true;
    }

    @Override
    public boolean subUserExists(String account, String subUser) {
      return false;
    }
  }

  private static final class NoManta implements MantaStore {
    @Override
    public boolean isDirectory(String path) {
      return false;
    }

    @Override
    public boolean exists(String path) {
      return false;
    }

    @Override
    public void putObject(String path, String contentType, InputStream data, long size) {
      throw new UnsupportedOperationException("unused");
    }
  }
}
