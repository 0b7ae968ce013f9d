package org.tritondatacenter.origin.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tritondatacenter.origin.cloudapi.CloudApiTestSupport.assertRequest;
import static org.tritondatacenter.origin.cloudapi.CloudApiTestSupport.json;
import static org.tritondatacenter.origin.cloudapi.Samples.NETWORK_ID;
import static org.tritondatacenter.origin.cloudapi.Samples.PACKAGE_ID;

import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.wait.ManualClock;

class CloudApiAccountTest {
  private static final String PACKAGE =
      """
      {"id": "%s", "name": "g4-highcpu-1G", "memory": 1024, "disk": 25600, "swap": 4096,
       "lwps": 4000, "vcpus": 0, "version": "1.0.3", "group": "Compute",
       "description": "Compute Optimized 1G RAM", "flexible_disk": false, "default": false}
      """
          .formatted(PACKAGE_ID);

  private static final String FABRIC =
      """
      {"id": "%s", "name": "build-fabric", "public": false, "fabric": true,
       "description": "builds", "subnet": "192.168.128.0/22",
       "provision_start_ip": "192.168.128.5", "provision_end_ip": "192.168.131.250",
       "gateway": "192.168.128.1", "resolvers": ["8.8.8.8", "8.8.4.4"],
       "routes": {"10.0.0.0/8": "192.168.128.2"}, "internet_nat": true, "vlan_id": 2}
      """
          .formatted(NETWORK_ID);

  @StartStop final MockWebServer server = NoDelayServerSockets.server();

  private final ManualClock clock = new ManualClock();

  private CloudApiClient client() {
    return CloudApiTestSupport.client(server, clock);
  }

  @Test
  void listPackages_noFilter_decodesEveryField() throws Exception {
    server.enqueue(json(200, "[" + PACKAGE + "]"));

    List<Package> packages = client().listPackages();

    assertRequest(server.takeRequest(), "GET", "/alice/packages");
    assertThat(packages)
        .containsExactly(
            new Package(
                PACKAGE_ID,
                "g4-highcpu-1G",
                1024L,
                25600L,
                4096L,
                4000L,
                0,
                "1.0.3",
                "Compute",
                "Compute Optimized 1G RAM",
                false,
                false));
  }

  @Test
  void listPackages_filters_areSentAsQueryParameters() throws Exception {
    server.enqueue(json(200, "[]"));

    client()
        .listPackages(
            PackageFilter.builder()
                .name("g4-*")
                .memory(1024)
                .disk(25600)
                .swap(4096)
                .lwps(4000)
                .vcpus(1)
                .version("1.*")
                .group("Compute")
                .flexibleDisk(true)
                .build());

    assertRequest(
        server.takeRequest(),
        "GET",
        "/alice/packages?name=g4-*&memory=1024&disk=25600&swap=4096&lwps=4000&vcpus=1"
            + "&version=1.*&group=Compute&flexible_disk=true");
  }

  @Test
  void getPackage_byName_encodesTheNameAsOneSegment() throws Exception {
    server.enqueue(json(200, PACKAGE));

    Package p = client().getPackage("g4-highcpu-1G");

    assertRequest(server.takeRequest(), "GET", "/alice/packages/g4-highcpu-1G");
    assertThat(p.id()).isEqualTo(PACKAGE_ID);
    assertThat(p.memory()).isEqualTo(1024L);
  }

  @Test
  void listNetworks_decodesPublicAndFabricNetworks() throws Exception {
    server.enqueue(
        json(
            200,
            "[{\"id\":\"a4c8e4a1-7cde-4d36-9a0e-0a9a1f0b6a11\",\"name\":\"external\","
                + "\"public\":true,\"fabric\":false},"
                + FABRIC
                + "]"));

    List<Network> networks = client().listNetworks();

    assertRequest(server.takeRequest(), "GET", "/alice/networks");
    assertThat(networks).extracting(Network::name).containsExactly("external", "build-fabric");
    assertThat(networks.get(0).isPublic()).isTrue();
    assertThat(networks.get(0).resolvers()).isEmpty();
    Network fabric = networks.get(1);
    assertThat(fabric.fabric()).isTrue();
    assertThat(fabric.subnet()).isEqualTo("192.168.128.0/22");
    assertThat(fabric.provisionStartIp()).isEqualTo("192.168.128.5");
    assertThat(fabric.provisionEndIp()).isEqualTo("192.168.131.250");
    assertThat(fabric.resolvers()).containsExactly("8.8.8.8", "8.8.4.4");
    assertThat(fabric.routes()).containsEntry("10.0.0.0/8", "192.168.128.2");
    assertThat(fabric.internetNat()).isTrue();
    assertThat(fabric.vlanId()).isEqualTo(2);
  }

  @Test
  void getNetwork_byId_decodesIt() throws Exception {
    server.enqueue(json(200, FABRIC));

    Network network = client().getNetwork(NETWORK_ID);

    assertRequest(server.takeRequest(), "GET", "/alice/networks/" + NETWORK_ID);
    assertThat(network.id()).isEqualTo(NETWORK_ID);
    assertThat(network.gateway()).isEqualTo("192.168.128.1");
  }

  @Test
  void listServices_withManta_offersItsUrl() throws Exception {
    server.enqueue(
        json(
            200,
            "{\"cloudapi\":\"https://us-west-1.api.example.com\","
                + "\"manta\":\"https://us-west.manta.example.com\"}"));

    Services services = client().listServices();

    assertRequest(server.takeRequest(), "GET", "/alice/services");
    assertThat(services.manta()).contains("https://us-west.manta.example.com");
    assertThat(services.url("cloudapi")).contains("https://us-west-1.api.example.com");
    assertThat(services.urls()).hasSize(2);
  }

  @Test
  void listServices_withoutManta_hasNoMantaUrl() {
    server.enqueue(json(200, "{\"cloudapi\":\"https://us-west-1.api.example.com\"}"));

    Services services = client().listServices();

    assertThat(services.manta()).isEmpty();
    assertThat(services.urls()).isEqualTo(Map.of("cloudapi", "https://us-west-1.api.example.com"));
  }

  @Test
  void listKeys_showsTheRegisteredFingerprints() throws Exception {
    server.enqueue(
        json(
            200,
            "[{\"name\":\"laptop\",\"fingerprint\":\""
                + CloudApiTestSupport.md5()
                + "\",\"key\":\"ssh-rsa AAAA... laptop\",\"attested\":false}]"));

    List<SshKey> keys = client().listKeys();

    assertRequest(server.takeRequest(), "GET", "/alice/keys");
    assertThat(keys)
        .containsExactly(
            new SshKey("laptop", CloudApiTestSupport.md5(), "ssh-rsa AAAA... laptop", false));
  }

  @Test
  void getKey_byFingerprint_encodesTheColonsSafely() throws Exception {
    String md5 = CloudApiTestSupport.md5();
    server.enqueue(
        json(200, "{\"name\":\"laptop\",\"fingerprint\":\"" + md5 + "\",\"key\":\"ssh-rsa A\"}"));

    SshKey key = client().getKey(md5);

    assertRequest(server.takeRequest(), "GET", "/alice/keys/" + md5);
    assertThat(key.name()).isEqualTo("laptop");
    assertThat(key.attested()).isNull();
  }
}
