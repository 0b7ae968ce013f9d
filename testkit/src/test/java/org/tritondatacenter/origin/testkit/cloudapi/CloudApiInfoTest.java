package org.tritondatacenter.origin.testkit.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.cloudapi.CloudApiHarness.Answer;

class CloudApiInfoTest {
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
  void listPackages_answersEveryPackageWithItsSizes() {
    Answer a = h.get("/alice/packages");

    assertThat(a.status()).isEqualTo(200);
    assertThat(a.list())
        .extracting(p -> p.get("name"), p -> p.get("memory"), p -> p.get("disk"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("sample-1G", 1024, 51200),
            org.assertj.core.groups.Tuple.tuple("sample-2G", 2048, 102400));
    assertThat(a.list().get(0)).containsKeys("id", "swap", "vcpus", "lwps", "version", "group");
  }

  @Test
  void listPackages_nameWildcard_filters() {
    assertThat(h.get("/alice/packages?name=sample-2*").list())
        .extracting(p -> p.get("name"))
        .containsExactly("sample-2G");
    assertThat(h.get("/alice/packages?name=*1G").list())
        .extracting(p -> p.get("name"))
        .containsExactly("sample-1G");
    assertThat(h.get("/alice/packages?name=sample").list()).isEmpty();
  }

  @Test
  void listPackages_memory_filtersExactly() {
    assertThat(h.get("/alice/packages?memory=2048").list())
        .extracting(p -> p.get("name"))
        .containsExactly("sample-2G");
  }

  @Test
  void getPackage_byNameOrId_answersThePackage() {
    Map<String, Object> byName = h.get("/alice/packages/sample-1G").map();
    Answer byId = h.get("/alice/packages/" + byName.get("id"));

    assertThat(byName).containsEntry("memory", 1024);
    assertThat(byId.map()).isEqualTo(byName);
  }

  @Test
  void getPackage_unknown_answers404() {
    Answer a = h.get("/alice/packages/huge");

    assertThat(a.status()).isEqualTo(404);
    assertThat(a.code()).isEqualTo("ResourceNotFound");
  }

  @Test
  void networks_listAndGet_answerThePublicNetwork() {
    Answer list = h.get("/alice/networks");
    Answer one = h.get("/alice/networks/" + h.networkId);
    Answer missing = h.get("/alice/networks/00000000-0000-0000-0000-000000000001");

    assertThat(list.list())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n).containsEntry("name", "external").containsEntry("public", true);
              assertThat(n).containsEntry("fabric", false);
            });
    assertThat(one.map()).containsEntry("id", h.networkId);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.code()).isEqualTo("ResourceNotFound");
  }

  @Test
  void listServices_namesCloudApiAndManta() {
    Map<String, Object> services = h.get("/alice/services").map();

    assertThat(services)
        .containsEntry("cloudapi", h.server.url(LocalTriton.CLOUDAPI).toString())
        .containsEntry("manta", h.server.url(LocalTriton.MANTA).toString());
  }

  @Test
  void listServices_mantaSwitchedOff_leavesMantaOut() {
    h.cloud.listServicesIncludesManta(false);

    Map<String, Object> services = h.get("/alice/services").map();

    assertThat(services).containsOnlyKeys("cloudapi");
  }
}
