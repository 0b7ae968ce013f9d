package org.tritondatacenter.origin.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tritondatacenter.origin.cloudapi.CloudApiTestSupport.assertRequest;
import static org.tritondatacenter.origin.cloudapi.CloudApiTestSupport.empty;
import static org.tritondatacenter.origin.cloudapi.CloudApiTestSupport.error;
import static org.tritondatacenter.origin.cloudapi.CloudApiTestSupport.json;
import static org.tritondatacenter.origin.cloudapi.CloudApiTestSupport.jsonBody;
import static org.tritondatacenter.origin.cloudapi.Samples.IMAGE_ID;
import static org.tritondatacenter.origin.cloudapi.Samples.MACHINE_ID;
import static org.tritondatacenter.origin.cloudapi.Samples.NETWORK_ID;
import static org.tritondatacenter.origin.cloudapi.Samples.PACKAGE_ID;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.wait.ManualClock;

class CloudApiMachinesTest {
  @StartStop final MockWebServer server = NoDelayServerSockets.server();

  private final ManualClock clock = new ManualClock();

  private CloudApiClient client() {
    return CloudApiTestSupport.client(server, clock);
  }

  @Test
  void createMachine_metadataAndTags_areSentAsFlatTopLevelFields() throws Exception {
    server.enqueue(json(201, Samples.machine(MACHINE_ID, "provisioning")));

    Machine machine =
        client()
            .createMachine(
                CreateMachineRequest.builder(IMAGE_ID, PACKAGE_ID)
                    .name("build-{{shortId}}")
                    .networks(List.of(NETWORK_ID))
                    .metadata("user-script", "#!/bin/sh\necho hi")
                    .tag("triton-origin.build", "b-42")
                    .tag("attempt", 2)
                    .tag("keep", false)
                    .firewallEnabled(false)
                    .deletionProtection(false)
                    .build());

    RecordedRequest request = server.takeRequest();
    assertRequest(request, "POST", "/alice/machines");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    JsonNode body = jsonBody(request);
    assertThat(body.toString())
        .isEqualTo(
            "{\"image\":\""
                + IMAGE_ID
                + "\",\"package\":\""
                + PACKAGE_ID
                + "\",\"name\":\"build-{{shortId}}\",\"networks\":[\""
                + NETWORK_ID
                + "\"],\"firewall_enabled\":false,\"deletion_protection\":false,"
                + "\"metadata.user-script\":\"#!/bin/sh\\necho hi\","
                + "\"tag.triton-origin.build\":\"b-42\",\"tag.attempt\":2,\"tag.keep\":false}");
    assertThat(body.has("metadata")).isFalse();
    assertThat(body.has("tags")).isFalse();
    assertThat(machine.id()).isEqualTo(MACHINE_ID);
    assertThat(machine.state()).isEqualTo(MachineState.PROVISIONING);
  }

  @Test
  void createMachine_serverError_isNotSentAgain() {
    server.enqueue(error(500, "InternalError", "oops"));
    server.enqueue(json(201, Samples.machine(MACHINE_ID, "provisioning")));

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                client().createMachine(CreateMachineRequest.builder(IMAGE_ID, PACKAGE_ID).build()))
        .isInstanceOf(org.tritondatacenter.origin.TritonApiException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void getMachine_running_decodesEveryField() throws Exception {
    server.enqueue(json(200, Samples.machine(MACHINE_ID, "running")));

    Machine m = client().getMachine(MACHINE_ID);

    assertRequest(server.takeRequest(), "GET", "/alice/machines/" + MACHINE_ID);
    assertThat(m.id()).isEqualTo(MACHINE_ID);
    assertThat(m.name()).isEqualTo("build-1");
    assertThat(m.brand()).isEqualTo("joyent");
    assertThat(m.state()).isEqualTo(MachineState.RUNNING);
    assertThat(m.image()).isEqualTo(IMAGE_ID);
    assertThat(m.packageName()).isEqualTo("g4-highcpu-1G");
    assertThat(m.memory()).isEqualTo(1024L);
    assertThat(m.disk()).isEqualTo(25600L);
    assertThat(m.metadata()).containsEntry("user-script", "#!/bin/sh\necho hi");
    assertThat(m.tags())
        .containsEntry("triton-origin.build", "b-42")
        .containsEntry("attempt", 2)
        .containsEntry("keep", false);
    assertThat(m.created()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(m.updated()).isEqualTo(Instant.parse("2026-01-01T00:05:00Z"));
    assertThat(m.primaryIp()).isEqualTo("10.0.0.5");
    assertThat(m.ips()).containsExactly("10.0.0.5");
    assertThat(m.networks()).containsExactly(NETWORK_ID);
    assertThat(m.nics())
        .containsExactly(
            new Nic(
                "10.0.0.5", "90:b8:d0:aa:bb:cc", true, "255.255.255.0", "10.0.0.1", NETWORK_ID));
    assertThat(m.computeNode()).isEqualTo("44454c4c-3200-1042-8053-b5c04f383432");
    assertThat(m.firewallEnabled()).isFalse();
    assertThat(m.deletionProtection()).isFalse();
    assertThat(m.dnsNames()).hasSize(1);
  }

  @Test
  void getMachine_unknownState_readsAsUnknown() {
    server.enqueue(json(200, Samples.machine(MACHINE_ID, "migrating")));

    assertThat(client().getMachine(MACHINE_ID).state()).isEqualTo(MachineState.UNKNOWN);
  }

  @Test
  void getMachine_410Gone_returnsTheDeletedMachine() throws Exception {
    server.enqueue(json(410, Samples.machine(MACHINE_ID, "deleted")));

    Machine m = client().getMachine(MACHINE_ID);

    assertRequest(server.takeRequest(), "GET", "/alice/machines/" + MACHINE_ID);
    assertThat(m.state()).isEqualTo(MachineState.DELETED);
    assertThat(m.name()).isEqualTo("build-1");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void getMachine_410GoneWithoutBody_returnsTheIdInStateDeleted() {
    server.enqueue(empty(410));

    Machine m = client().getMachine(MACHINE_ID);

    assertThat(m.id()).isEqualTo(MACHINE_ID);
    assertThat(m.state()).isEqualTo(MachineState.DELETED);
    assertThat(m.name()).isNull();
  }

  @Test
  void listMachines_onePage_sendsFiltersLimitAndOffsetAndReadsTheCount() throws Exception {
    server.enqueue(
        new MockResponse.Builder(json(200, "[" + Samples.machine(MACHINE_ID, "running") + "]"))
            .setHeader("x-resource-count", "1")
            .setHeader("x-query-limit", "50")
            .build());

    MachinePage page =
        client()
            .listMachines(
                MachineFilter.builder()
                    .name("build-1")
                    .state(MachineState.RUNNING)
                    .image(IMAGE_ID)
                    .brand("joyent")
                    .tag("triton-origin.build", "b-42")
                    .tag("attempt", 2)
                    .build(),
                100,
                50);

    assertRequest(
        server.takeRequest(),
        "GET",
        "/alice/machines?name=build-1&state=running&image="
            + IMAGE_ID
            + "&brand=joyent&tag.triton-origin.build=b-42&tag.attempt=2&limit=50&offset=100");
    assertThat(page.machines()).extracting(Machine::id).containsExactly(MACHINE_ID);
    assertThat(page.resourceCount()).isEqualTo(1);
    assertThat(page.hasMore()).isFalse();
    assertThat(page.nextOffset()).isEqualTo(101);
  }

  @Test
  void listMachines_allPages_followsOffsetUntilAShortPage() throws Exception {
    server.enqueue(page(1000, 0));
    server.enqueue(page(3, 1000));

    List<Machine> all = client().listMachines(MachineFilter.builder().tag("k", "v").build());

    assertRequest(server.takeRequest(), "GET", "/alice/machines?tag.k=v&limit=1000&offset=0");
    assertRequest(server.takeRequest(), "GET", "/alice/machines?tag.k=v&limit=1000&offset=1000");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(all).hasSize(1003);
    assertThat(all.get(1002).name()).isEqualTo("m-1002");
  }

  @Test
  void listMachines_noFilterAndNoMachines_makesOneRequest() throws Exception {
    server.enqueue(
        new MockResponse.Builder(json(200, "[]")).setHeader("x-resource-count", "0").build());

    assertThat(client().listMachines(MachineFilter.none())).isEmpty();
    assertRequest(server.takeRequest(), "GET", "/alice/machines?limit=1000&offset=0");
  }

  @Test
  void stopMachine_postsActionStopWithAnEmptyBody() throws Exception {
    server.enqueue(empty(202));

    client().stopMachine(MACHINE_ID);

    RecordedRequest request = server.takeRequest();
    assertRequest(request, "POST", "/alice/machines/" + MACHINE_ID + "?action=stop");
    assertThat(request.getBodySize()).isZero();
  }

  @Test
  void deleteMachine_204_reportsADestroyStarted() throws Exception {
    server.enqueue(empty(204));

    boolean started = client().deleteMachine(MACHINE_ID);

    assertRequest(server.takeRequest(), "DELETE", "/alice/machines/" + MACHINE_ID);
    assertThat(started).isTrue();
  }

  @Test
  void deleteMachine_410Gone_isDoneNotAnError() throws Exception {
    server.enqueue(error(410, "ResourceNotFound", "VM has been deleted"));

    boolean started = client().deleteMachine(MACHINE_ID);

    assertRequest(server.takeRequest(), "DELETE", "/alice/machines/" + MACHINE_ID);
    assertThat(started).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void getMachineMetadata_jsonString_returnsTheBareValue() throws Exception {
    server.enqueue(json(200, "\"#!/bin/sh\\necho hi\""));

    assertThat(client().getMachineMetadata(MACHINE_ID, "user-script"))
        .contains("#!/bin/sh\necho hi");
    assertRequest(
        server.takeRequest(), "GET", "/alice/machines/" + MACHINE_ID + "/metadata/user-script");
  }

  @Test
  void getMachineMetadata_plainText_returnsTheRawValue() {
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "text/plain")
            .body("done at \"12:00\"")
            .build());

    assertThat(client().getMachineMetadata(MACHINE_ID, "prepare-status"))
        .contains("done at \"12:00\"");
  }

  @Test
  void getMachineMetadata_404_isEmpty() throws Exception {
    server.enqueue(error(404, "ResourceNotFound", "prepare-status is not metadata"));

    assertThat(client().getMachineMetadata(MACHINE_ID, "prepare-status")).isEmpty();
    assertRequest(
        server.takeRequest(), "GET", "/alice/machines/" + MACHINE_ID + "/metadata/prepare-status");
  }

  @Test
  void listMachineMetadata_returnsTheMapInOrder() throws Exception {
    server.enqueue(json(200, "{\"user-script\":\"#!/bin/sh\",\"build\":\"b-42\"}"));

    Map<String, String> metadata = client().listMachineMetadata(MACHINE_ID);

    assertRequest(server.takeRequest(), "GET", "/alice/machines/" + MACHINE_ID + "/metadata");
    assertThat(metadata)
        .containsExactly(Map.entry("user-script", "#!/bin/sh"), Map.entry("build", "b-42"));
  }

  @Test
  void listMachineTags_keepsValueTypes() throws Exception {
    server.enqueue(json(200, "{\"triton-origin.build\":\"b-42\",\"attempt\":2,\"keep\":true}"));

    Map<String, Object> tags = client().listMachineTags(MACHINE_ID);

    assertRequest(server.takeRequest(), "GET", "/alice/machines/" + MACHINE_ID + "/tags");
    assertThat(tags)
        .containsExactly(
            Map.entry("triton-origin.build", "b-42"),
            Map.entry("attempt", 2),
            Map.entry("keep", true));
  }

  private static MockResponse page(int size, int start) {
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        body.append(',');
      }
      int n = start + i;
      body.append(
          "{\"id\":\"%08d-0000-4000-8000-000000000000\",\"name\":\"m-%d\",\"state\":\"running\"}"
              .formatted(n, n));
    }
    return new MockResponse.Builder(json(200, body.append(']').toString()))
        .setHeader("x-resource-count", Integer.toString(size))
        .setHeader("x-query-limit", "1000")
        .build();
  }
}
