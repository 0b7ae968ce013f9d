package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.BuildFailedException;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.RequestRecord;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

/**
 * R13: a key revoked or expired half-way (401 or 403 on every call) is not retried in a loop: the
 * call fails at once, at most one re-signing when the answer looks like clock skew, naming the key
 * id and the account; the build still tries its cleanup and lists what it could not delete.
 */
class RevokedKeyTest {
  private static final ScaledClock CLOCK = ScaledClock.create(Builds.SPEED);

  @RegisterExtension
  static final LocalTritonExtension TRITON =
      LocalTritonExtension.withOptions(Seeds.options(CLOCK).build());

  @Test
  void build_keyRevokedOnceTheMachineExists_failsFastTriesCleanupAndListsTheMachine() {
    LocalTriton triton = TRITON.triton();
    AtomicBoolean revoked = new AtomicBoolean();
    triton
        .faults()
        .add(
            Fault.when(ServiceKind.CLOUDAPI, null)
                .matching(exchange -> revoked.get())
                .status(401, "InvalidCredentials", "Invalid key"));
    Rig rig = Rig.on(triton, CLOCK, CLOCK);
    EventListener revokeWhenProvisioning =
        event -> {
          rig.events.on(event);
          if (event instanceof Event.Info info && info.message().contains("is provisioning")) {
            revoked.set(true);
          }
        };

    BuildFailedException e =
        catchThrowableOfType(
            BuildFailedException.class,
            () ->
                Builds.operation(rig, CLOCK, new MemoryRunRecordStore())
                    .listener(revokeWhenProvisioning)
                    .build()
                    .run(Builds.request().build()));

    String machineId = (String) triton.cloud().machines().get(0).get("id");
    assertThat(e.getMessage())
        .contains("HTTP 401 InvalidCredentials")
        .contains("keyId /" + triton.account() + "/keys/" + triton.rsaKey().md5Fingerprint())
        .contains("not revoked");
    assertThat(e.leftBehind())
        .singleElement()
        .asString()
        .contains("machine " + machineId, "HTTP 401", "triton instance rm " + machineId);
    assertThat(refused(triton, "GetMachine")).as("no retry loop while waiting").isEqualTo(1);
    assertThat(refused(triton, "DeleteMachine")).as("cleanup still tried, once").isEqualTo(1);
    assertThat(rig.sleeps()).noneMatch(d -> d.toSeconds() >= 1);

    revoked.set(false);
    assertThat(Builds.collectGarbage(rig, CLOCK).deleted())
        .extracting(org.tritondatacenter.origin.gc.Leftover::id)
        .containsExactly(machineId);
  }

  @Test
  void putObject_keyNoLongerOnTheAccount_failsAtOnceNamingTheKeyId() {
    LocalTriton triton = TRITON.triton();
    triton
        .faults()
        .add(
            Fault.when(ServiceKind.MANTA, "PutObject")
                .status(403, "KeyDoesNotExist", "key not found"));
    MantaClient manta = Rig.on(triton, CLOCK, CLOCK).manta();

    TritonApiException e =
        catchThrowableOfType(
            TritonApiException.class,
            () ->
                manta.putObject(
                    manta.path("~~/stor/r13.bin"),
                    ByteSource.ofBytes(new byte[] {1, 2, 3}, "three bytes")));

    assertThat(e.httpStatus()).isEqualTo(403);
    assertThat(e.getMessage())
        .contains("KeyDoesNotExist")
        .contains("keyId /" + triton.account() + "/keys/" + triton.rsaKey().md5Fingerprint());
    assertThat(triton.requests().count("PutObject")).isEqualTo(1);
    assertThat(triton.manta().exists("/alice/stor/r13.bin")).isFalse();
  }

  @Test
  void adminImportImage_imgapiRefusesTheKey_isSentOnceAndNamesTheUser() {
    LocalTriton triton = TRITON.triton();
    triton
        .faults()
        .add(
            Fault.when(ServiceKind.IMGAPI, "AdminImportImage")
                .status(401, "UnauthorizedError", "Unauthorized"));

    var manifest = Rig.manifest("reliability-r13", "1.0.0");

    TritonApiException e =
        catchThrowableOfType(
            TritonApiException.class,
            () -> Rig.on(triton, CLOCK, CLOCK).updates().adminImportImage(manifest, "dev"));

    assertThat(e.httpStatus()).isEqualTo(401);
    assertThat(e.getMessage()).contains("user '" + triton.account() + "'");
    // The server's Date agrees with ours, so the 401 is not taken for clock skew and re-signed.
    assertThat(triton.requests().count("AdminImportImage")).isEqualTo(1);
    assertThat(triton.imgapi("updates").image(manifest.uuid())).isEmpty();
  }

  private static long refused(LocalTriton triton, String operation) {
    return triton.requests().operation(operation).stream()
        .filter(r -> r.status() == 401)
        .map(RequestRecord::sequence)
        .count();
  }
}
