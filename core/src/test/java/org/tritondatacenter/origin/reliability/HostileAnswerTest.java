package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.cloudapi.CreateMachineRequest;
import org.tritondatacenter.origin.cloudapi.MachineFilter;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.ManualClock;

/**
 * Answers that are not what a service sends: an HTML error page, JSON of the wrong shape, an
 * endless error body, a success whose body is not the resource, a redirect to another host. Each
 * becomes a short, clean error naming the operation and status; the error body is read only up to
 * 64 KiB; a redirect is never followed, so no signed request reaches the other host.
 */
class HostileAnswerTest {
  private static final ManualClock CLOCK = new ManualClock();

  @RegisterExtension
  static final LocalTritonExtension TRITON =
      LocalTritonExtension.withOptions(Seeds.options(CLOCK).build());

  private static CloudApiClient cloudApi(LocalTriton triton) {
    return Rig.on(triton, CLOCK, CLOCK).with(c -> c.readTimeout(Duration.ofSeconds(5))).cloudApi();
  }

  private static CreateMachineRequest machine(CloudApiClient cloud) {
    return Seeds.machine(cloud, "hostile").build();
  }

  @Test
  void createMachine_htmlErrorPage_givesAShortPlainExcerptAndIsNotResent() {
    LocalTriton triton = TRITON.triton();
    CloudApiClient cloud = cloudApi(triton);
    CreateMachineRequest request = machine(cloud);
    triton
        .faults()
        .add(
            Fault.when(ServiceKind.CLOUDAPI, "CreateMachine")
                .answer(
                    502,
                    "text/html",
                    "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1>"
                        + "<p>The proxy got no answer.</p>"
                        + "<script>var x = 1;</script>".repeat(100)
                        + "</body></html>"));

    TritonApiException e =
        catchThrowableOfType(TritonApiException.class, () -> cloud.createMachine(request));

    assertThat(e.httpStatus()).isEqualTo(502);
    assertThat(e.getMessage())
        .startsWith("CloudAPI CreateMachine failed: HTTP 502")
        .contains("Bad Gateway")
        .doesNotContain("<", ">")
        .hasSizeLessThan(400);
    assertThat(triton.requests().count("CreateMachine")).as("a create is not resent").isEqualTo(1);
    assertThat(triton.cloud().machines()).isEmpty();
  }

  @Test
  void listMachines_errorJsonOfTheWrongShape_isQuotedShortly() {
    LocalTriton triton = TRITON.triton();
    triton
        .faults()
        .add(
            Fault.when(ServiceKind.CLOUDAPI, "ListMachines")
                .answer(
                    400, "application/json", "[{\"oops\": [1, 2, 3]}, \"not an error object\"]"));

    TritonApiException e =
        catchThrowableOfType(
            TritonApiException.class, () -> cloudApi(triton).listMachines(MachineFilter.none()));

    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.errorCode()).isNull();
    assertThat(e.getMessage()).contains("ListMachines", "HTTP 400", "not an error object");
  }

  @Test
  void listMachines_enormousErrorBody_isReadOnlyUpToTheLimit() {
    LocalTriton triton = TRITON.triton();
    byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
    // Ten megabytes, streamed by the server without holding them, from something in front of
    // CloudAPI: no Request-Id, which the message would otherwise end with.
    triton
        .faults()
        .add(
            Fault.when(ServiceKind.CLOUDAPI, "ListMachines")
                .answer(400, null, chunk)
                .repeatBody(160)
                .withoutHeader("Request-Id"));
    long start = System.nanoTime();

    TritonApiException e =
        catchThrowableOfType(
            TritonApiException.class, () -> cloudApi(triton).listMachines(MachineFilter.none()));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.getMessage()).hasSizeLessThan(400).endsWith("...");
  }

  @Test
  void createMachine_successWhoseBodyIsNotAMachine_isAnIoErrorSayingSo() {
    LocalTriton triton = TRITON.triton();
    CloudApiClient cloud = cloudApi(triton);
    CreateMachineRequest request = machine(cloud);
    triton
        .faults()
        .add(
            Fault.when(ServiceKind.CLOUDAPI, "CreateMachine")
                .answer(201, "application/json", "[\"not\", \"a\", \"machine\"]"));

    TritonIoException e =
        catchThrowableOfType(TritonIoException.class, () -> cloud.createMachine(request));

    assertThat(e.getMessage()).contains("CreateMachine", "HTTP 201", "not the expected JSON");
    assertThat(triton.cloud().machines()).isEmpty();
  }

  @Test
  void listMachines_redirectToAnotherHost_isNotFollowedAndTheOtherHostSeesNothing() {
    LocalTriton triton = TRITON.triton();
    // Another endpoint of the same local Triton stands in for the other host: what reaches it
    // shows in the request log.
    URI elsewhere = triton.mantaUrl();
    triton
        .faults()
        .add(
            Fault.when(ServiceKind.CLOUDAPI, "ListMachines")
                .redirect(302, elsewhere.resolve("/" + triton.account() + "/machines")));

    TritonApiException e =
        catchThrowableOfType(
            TritonApiException.class, () -> cloudApi(triton).listMachines(MachineFilter.none()));

    assertThat(e.httpStatus()).isEqualTo(302);
    assertThat(e.getMessage())
        .contains("not followed", elsewhere.getHost() + ":" + elsewhere.getPort());
    assertThat(triton.requests().matching(r -> r.kind() == ServiceKind.MANTA))
        .as("no signed request to the other host")
        .isEmpty();
    assertThat(triton.requests().count("ListMachines")).isEqualTo(1);
  }
}
