package org.tritondatacenter.origin.testkit.junit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.tritondatacenter.origin.testkit.LeakReport;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.TestKey;
import org.tritondatacenter.origin.testkit.http.RequestRecord;
import org.tritondatacenter.origin.testkit.http.ServiceKind;

/** A made-up local Triton session: a given leak report, keys and request log. */
final class FakeSession implements TritonSession {
  /** How many fake sessions were started and closed; fixtures run one at a time. */
  static final AtomicInteger STARTED = new AtomicInteger();

  static final AtomicInteger CLOSED = new AtomicInteger();

  static final LeakReport CLEAN = new LeakReport(List.of(), List.of(), List.of());
  static final LeakReport LEAKY =
      new LeakReport(List.of("m-1 (build-42)"), List.of(), List.of("/alice/stor/tmp/x"));

  private final LeakReport report;
  private final List<TestKey> keys;
  private final List<RequestRecord> requests;

  FakeSession(LeakReport report, List<TestKey> keys, List<RequestRecord> requests) {
    this.report = report;
    this.keys = keys;
    this.requests = requests;
    STARTED.incrementAndGet();
  }

  static FakeSession clean() {
    return new FakeSession(CLEAN, List.of(), List.of());
  }

  static FakeSession leaky() {
    return new FakeSession(LEAKY, List.of(), List.of());
  }

  /** A clean session that used {@link FakeKeys#KEY} and answered one signed request. */
  static FakeSession withSecrets() {
    return new FakeSession(CLEAN, List.of(FakeKeys.KEY), List.of(signedRequest()));
  }

  static RequestRecord signedRequest() {
    String auth =
        "Signature keyId=\"/alice/keys/00:11\",algorithm=\"rsa-sha256\",headers=\"date\","
            + "signature=\""
            + FakeKeys.SIGNATURE
            + "\"";
    return new RequestRecord(
        1,
        "manta",
        ServiceKind.MANTA,
        "GetObject",
        "GET",
        "/alice/stor/o?expires=1&signature=" + FakeKeys.URL_SIGNATURE_ENCODED,
        List.of(Map.entry("Authorization", auth)),
        null,
        null,
        0,
        0,
        200,
        null,
        Instant.EPOCH,
        Instant.EPOCH);
  }

  @Override
  public LocalTriton triton() {
    throw new UnsupportedOperationException("a fake session has no LocalTriton");
  }

  @Override
  public LeakReport leakReport() {
    return report;
  }

  @Override
  public List<TestKey> keys() {
    return keys;
  }

  @Override
  public List<RequestRecord> requests() {
    return requests;
  }

  @Override
  public void close() {
    CLOSED.incrementAndGet();
  }
}
