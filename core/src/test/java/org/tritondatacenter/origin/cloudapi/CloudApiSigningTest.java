package org.tritondatacenter.origin.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tritondatacenter.origin.cloudapi.CloudApiTestSupport.LOGIN;
import static org.tritondatacenter.origin.cloudapi.CloudApiTestSupport.assertSigned;
import static org.tritondatacenter.origin.cloudapi.CloudApiTestSupport.json;

import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.http.Endpoint;
import org.tritondatacenter.origin.http.HttpConfig;
import org.tritondatacenter.origin.wait.ManualClock;

class CloudApiSigningTest {
  @StartStop final MockWebServer server = NoDelayServerSockets.server();

  private final ManualClock clock = new ManualClock();

  @Test
  void defaultSigning_signsTheDateAloneWithTheAccountKeyId() throws Exception {
    server.enqueue(json(200, "[]"));

    CloudApiTestSupport.client(server, clock).listImages(ImageFilter.builder().allStates().build());

    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("Authorization"))
        .startsWith("Signature keyId=\"" + CloudApiTestSupport.keyId() + "\",")
        .contains(",headers=\"date\",");
    assertSigned(request, CloudApiTestSupport.keyId());
  }

  @Test
  void requestTargetSigning_signsMethodPathAndQueryAsSent() throws Exception {
    server.enqueue(json(200, "[]"));
    CloudApiClient client =
        CloudApiTestSupport.client(server, CloudApiTestSupport.config(clock).build(), true);

    client.listMachines(MachineFilter.builder().tag("a b", "c/d").build(), 0, 10);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getTarget()).isEqualTo("/alice/machines?tag.a%20b=c%2Fd&limit=10&offset=0");
    assertThat(request.getHeaders().get("Authorization"))
        .contains(",headers=\"(request-target) date\",");
    assertSigned(request, CloudApiTestSupport.keyId());
  }

  @Test
  void subUser_keyIdNamesTheUserButPathsStayTheAccounts() throws Exception {
    server.enqueue(json(200, "[]"));
    Endpoint endpoint =
        CloudApiClient.signedEndpoint(
            server.url("/").uri(), LOGIN, "bob", CloudApiTestSupport.key(), false);

    CloudApiClient.create(endpoint, CloudApiTestSupport.config(clock).build()).listNetworks();

    RecordedRequest request = server.takeRequest();
    assertThat(request.getTarget()).isEqualTo("/alice/networks");
    assertSigned(request, "/alice/users/bob/keys/" + CloudApiTestSupport.md5());
  }

  @Test
  void create_loginMy_isRefusedBeforeAnyRequest() {
    Endpoint endpoint =
        CloudApiClient.signedEndpoint(
            server.url("/").uri(), "my", null, CloudApiTestSupport.key(), false);

    assertThatThrownBy(() -> CloudApiClient.create(endpoint, HttpConfig.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("login 'my'")
        .hasMessageContaining("real login");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void create_otherServiceOrAnonymous_isRefused() {
    Endpoint manta =
        Endpoint.signed(Service.MANTA, server.url("/").uri(), LOGIN, null, (d, m, p) -> "x");
    Endpoint anonymous = Endpoint.anonymous(Service.CLOUDAPI, server.url("/").uri());

    assertThatThrownBy(() -> CloudApiClient.create(manta, HttpConfig.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a CloudAPI endpoint, not Manta");
    assertThatThrownBy(() -> CloudApiClient.create(anonymous, HttpConfig.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("signed requests");
  }

  @Test
  void toString_namesTheEndpointWithoutKeyMaterial() {
    CloudApiClient client = CloudApiTestSupport.client(server, clock);

    assertThat(client.toString())
        .startsWith("CloudApiClient[CloudAPI http://")
        .endsWith(" as alice]");
    assertThat(client.login()).isEqualTo(LOGIN);
  }
}
