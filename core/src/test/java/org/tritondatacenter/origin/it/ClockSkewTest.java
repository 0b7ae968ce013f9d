package org.tritondatacenter.origin.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.testkit.http.RequestRecord;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ManualClock;

/**
 * A service whose clock runs ten minutes ahead refuses the client's {@code Date} once, each in its
 * own way; the client learns the offset from the answer's {@code Date}, re-signs and goes on.
 */
class ClockSkewTest {
  private static final ManualClock CLOCK = new ManualClock();
  private static final Duration AHEAD = Duration.ofMinutes(10);
  private static final Pattern ADJUSTED =
      Pattern.compile("behind the server's; Date headers are now adjusted by \\+(\\d+) s");

  @RegisterExtension
  static final LocalTritonExtension triton =
      LocalTritonExtension.withOptions(TritonClients.options(CLOCK).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(triton);

  private TritonClients clients;

  @BeforeEach
  void connect() {
    clients = new TritonClients(triton.triton(), CLOCK);
  }

  @Test
  void cloudApi_serverTenMinutesAhead_correctsOnceAfterInvalidHeader() {
    clients.triton.faults().clockOffset(ServiceKind.CLOUDAPI, AHEAD);
    CloudApiClient cloud = clients.cloudApi();

    assertThat(cloud.listPackages()).isNotEmpty();
    assertThat(cloud.listNetworks()).isNotEmpty();

    assertRefusedOnceThenAccepted("ListPackages", 400, "InvalidHeader");
    assertThat(clients.triton.requests().operation("ListNetworks"))
        .singleElement()
        .satisfies(r -> assertThat(r.verified()).isTrue());
    assertOneSkewWarning();
  }

  @Test
  void manta_serverTenMinutesAhead_correctsOnceAfterInvalidHeader() {
    clients.triton.faults().clockOffset(ServiceKind.MANTA, AHEAD);
    MantaClient manta = clients.manta();

    manta.mkdirp(manta.path("~~/stor/it/skew"));

    assertRefusedOnceThenAccepted("PutDirectory", 400, "InvalidHeader");
    assertThat(clients.triton.manta().isDirectory("/alice/stor/it/skew")).isTrue();
    assertOneSkewWarning();
    manta.deleteObject(manta.path("~~/stor/it/skew"));
  }

  @Test
  void imgapi_serverTenMinutesAhead_correctsOnceAfter401() {
    clients.triton.faults().clockOffset(ServiceKind.IMGAPI, AHEAD);
    ImgapiClient imgapi = clients.imgapi();

    assertThat(imgapi.ping().user()).isEqualTo(clients.login());
    assertThat(imgapi.listChannels()).isNotEmpty();

    List<RequestRecord> pings = clients.triton.requests().operation("Ping");
    assertThat(pings).extracting(RequestRecord::status).containsExactly(401, 200);
    assertThat(clients.triton.requests().operation("ListChannels"))
        .singleElement()
        .satisfies(r -> assertThat(r.verified()).isTrue());
    assertOneSkewWarning();
  }

  private void assertRefusedOnceThenAccepted(String operation, int status, String code) {
    List<RequestRecord> records = clients.triton.requests().operation(operation);
    assertThat(records).extracting(RequestRecord::status).startsWith(status);
    assertThat(records.get(0).authFailure()).startsWith(code);
    assertThat(records.get(1).verified()).isTrue();
  }

  private void assertOneSkewWarning() {
    String warning =
        assertThat(clients.listener.warnings())
            .filteredOn(w -> w.contains("clock"))
            .singleElement()
            .actual();
    // The server's Date has whole seconds, so the offset learned is within a second or two.
    Matcher m = ADJUSTED.matcher(warning);
    assertThat(m.find()).as("warning names the adjustment: %s", warning).isTrue();
    assertThat(Integer.parseInt(m.group(1))).isBetween(595, 605);
  }
}
