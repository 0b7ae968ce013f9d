package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.cloudapi.MachineFilter;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.imgapi.Compression;
import org.tritondatacenter.origin.imgapi.Image;
import org.tritondatacenter.origin.imgapi.ImageManifest;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.manta.MantaPath;
import org.tritondatacenter.origin.manta.PutObjectResult;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.RequestRecord;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.ManualClock;

/**
 * R1: a 500, 502, 503 or 504 on a Manta PUT, an IMGAPI AddImageFile or a CloudAPI call is retried
 * with backoff (full jitter, base 1 s, cap 30 s, at most 5 attempts); each attempt opens the source
 * again, hashes it afresh and is signed with the {@code Date} of the moment it is sent. When every
 * attempt fails, the error names the operation, the attempts, the last status and its request id.
 */
class ServerErrorRetryTest {
  private static final ManualClock CLOCK = new ManualClock();
  private static final int SIZE = 100_000;
  private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME;

  @RegisterExtension static final LocalTritonExtension TRITON = LocalTritonExtension.withDefaults();

  /** One call that can fail with a server error, and what it leaves to check and remove. */
  enum Call {
    MANTA_PUT_OBJECT(ServiceKind.MANTA, "PutObject"),
    IMGAPI_ADD_IMAGE_FILE(ServiceKind.IMGAPI, "AddImageFile"),
    CLOUDAPI_LIST_MACHINES(ServiceKind.CLOUDAPI, "ListMachines");

    final ServiceKind kind;
    final String operation;

    Call(ServiceKind kind, String operation) {
      this.kind = kind;
      this.operation = operation;
    }
  }

  static Stream<Arguments> serverErrors() {
    Stream.Builder<Arguments> cases = Stream.builder();
    for (int status : new int[] {500, 502, 503, 504}) {
      for (Call call : Call.values()) {
        cases.add(Arguments.of(status, call));
      }
    }
    return cases.build();
  }

  private static String code(int status) {
    return switch (status) {
      case 500 -> "InternalError";
      case 502 -> "BadGateway";
      case 503 -> "ServiceUnavailable";
      default -> "GatewayTimeout";
    };
  }

  @ParameterizedTest(name = "{0} twice on {1}")
  @MethodSource("serverErrors")
  void call_twoServerErrors_retriesWithBackoffFreshSourceAndFreshDate(int status, Call call)
      throws Exception {
    LocalTriton triton = TRITON.triton();
    Rig rig = Rig.withDatesFollowingSleeps(triton, CLOCK);
    Fault fault =
        triton
            .faults()
            .add(
                Fault.when(call.kind, call.operation)
                    .status(status, code(status), "injected " + status)
                    .times(2));
    byte[] bytes = Payloads.bytes(SIZE, status);
    Counted source = new Counted(ByteSource.ofBytes(bytes, "retried bytes"));

    run(rig, call, source, bytes);

    assertThat(fault.fired()).isEqualTo(2);
    List<RequestRecord> attempts = triton.requests().operation(call.operation);
    assertThat(attempts).extracting(RequestRecord::status).containsSubsequence(status, status);
    RequestRecord last = attempts.get(attempts.size() - 1);
    assertThat(last.status()).isBetween(200, 299);
    assertThat(last.verified()).isTrue();
    // A connection the server closed after its early answer may cost one more, unseen attempt.
    List<Duration> sleeps = rig.sleeps();
    assertThat(sleeps).hasSizeBetween(2, 4);
    for (int i = 0; i < sleeps.size(); i++) {
      // Full jitter: each delay lies between zero and the doubling base (1 s, 2 s, 4 s...).
      assertThat(sleeps.get(i)).isBetween(Duration.ZERO, Duration.ofSeconds(1L << i));
    }
    List<Instant> sendTimes = new java.util.ArrayList<>();
    for (int i = 0; i <= sleeps.size(); i++) {
      sendTimes.add(rig.wallAfter(sleeps.subList(0, i)).truncatedTo(ChronoUnit.SECONDS));
    }
    assertThat(attempts)
        .as("each attempt is signed with the time it was sent, never an earlier attempt's")
        .extracting(ServerErrorRetryTest::date)
        .isSorted()
        .allSatisfy(d -> assertThat(sendTimes).contains(d))
        .last()
        .isEqualTo(sendTimes.get(sendTimes.size() - 1));
    if (call != Call.CLOUDAPI_LIST_MACHINES) {
      assertThat(last.requestBytes()).isEqualTo(SIZE);
      // Opened afresh by every attempt that sends the body; Manta's 100-continue lets a refused
      // attempt skip it. The digests the client checked are those of the last attempt alone.
      assertThat(source.opens.get()).isBetween(1, sleeps.size() + 1);
    }
    assertThat(rig.events.warnings())
        .filteredOn(w -> w.contains("retrying"))
        .hasSize(sleeps.size())
        .filteredOn(w -> w.contains("HTTP " + status))
        .hasSize(2)
        .allSatisfy(w -> assertThat(w).contains(call.operation));
  }

  @ParameterizedTest(name = "{0} always on {1}")
  @MethodSource("serverErrors")
  void call_serverErrorEveryTime_failsNamingOperationAttemptsStatusAndRequestId(
      int status, Call call) {
    LocalTriton triton = TRITON.triton();
    Rig rig = Rig.withDatesFollowingSleeps(triton, CLOCK);
    triton
        .faults()
        .add(Fault.when(call.kind, call.operation).status(status, code(status), "still down"));
    // Small enough to be sent whole before the early answer, so the last attempt reads that
    // answer rather than a broken pipe.
    byte[] bytes = Payloads.bytes(16 * 1024, status);

    TritonApiException e =
        catchThrowableOfType(
            TritonApiException.class,
            () -> run(rig, call, new Counted(ByteSource.ofBytes(bytes, "bytes")), bytes));

    assertThat(e).isNotNull();
    assertThat(e.operation()).isEqualTo(call.operation);
    assertThat(e.httpStatus()).isEqualTo(status);
    assertThat(e.attempts()).isEqualTo(5);
    assertThat(e.requestId()).isNotBlank();
    assertThat(e.getMessage())
        .contains(call.operation, "HTTP " + status, code(status), "still down")
        .contains("request-id " + e.requestId())
        .endsWith("after 5 attempts");
    // An attempt on a connection the server closed after an early answer never reaches it.
    assertThat(triton.requests().count(call.operation)).isBetween(2, 5);
    assertThat(rig.events.warnings()).filteredOn(w -> w.contains("retrying")).hasSize(4);
    assertThat(rig.sleeps())
        .hasSize(4)
        .allSatisfy(d -> assertThat(d).isBetween(Duration.ZERO, Duration.ofSeconds(30)));
    triton.faults().clear();
    cleanUp(rig, call);
  }

  private ImageManifest imported;

  private void run(Rig rig, Call call, ByteSource source, byte[] bytes) {
    switch (call) {
      case MANTA_PUT_OBJECT -> {
        MantaClient manta = rig.manta();
        MantaPath path = manta.path("~~/stor/reliability/r1.bin");
        manta.mkdirp(path.parent());
        PutObjectResult put = manta.putObject(path, source);
        assertThat(put.md5Base64()).isEqualTo(Payloads.md5Base64(bytes));
        assertThat(rig.triton.manta().object(path.toString()).orElseThrow().md5())
            .isEqualTo(Payloads.md5Base64(bytes));
        manta.deleteObject(path);
        manta.deleteObject(path.parent());
      }
      case IMGAPI_ADD_IMAGE_FILE -> {
        ImgapiClient imgapi = rig.updates();
        imported = Rig.manifest("reliability-r1", "1.0.0");
        imgapi.adminImportImage(imported, "dev");
        Image image =
            imgapi.addImageFile(
                imported.uuid(),
                source,
                Compression.GZIP,
                Payloads.sha1Hex(bytes),
                (long) bytes.length,
                "dev");
        assertThat(image.file().sha1()).isEqualTo(Payloads.sha1Hex(bytes));
        assertThat(rig.triton.imgapi("updates").fileSha1(imported.uuid()))
            .isEqualTo(Payloads.sha1Hex(bytes));
        imgapi.deleteImage(imported.uuid(), "dev", true);
      }
      case CLOUDAPI_LIST_MACHINES ->
          assertThat(rig.cloudApi().listMachines(MachineFilter.none())).isEmpty();
    }
  }

  private void cleanUp(Rig rig, Call call) {
    if (call == Call.MANTA_PUT_OBJECT) {
      MantaClient manta = rig.manta();
      assertThat(rig.triton.manta().exists("/alice/stor/reliability/r1.bin")).isFalse();
      manta.deleteObjectIfExists(manta.path("~~/stor/reliability"));
    } else if (call == Call.IMGAPI_ADD_IMAGE_FILE) {
      rig.updates().deleteImage(imported.uuid(), "dev", true);
    }
  }

  private static Instant date(RequestRecord record) {
    return ZonedDateTime.parse(record.header("Date"), RFC_1123).toInstant();
  }

  /** Counts how often a source is opened. */
  static final class Counted implements ByteSource {
    final AtomicInteger opens = new AtomicInteger();
    private final ByteSource source;

    Counted(ByteSource source) {
      this.source = source;
    }

    @Override
    public InputStream open() throws IOException {
      opens.incrementAndGet();
      return source.open();
    }

    @Override
    public long size() {
      return source.size();
    }

    @Override
    public String describe() {
      return source.describe();
    }
  }
}
