package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.http.RetryPolicy;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.manta.MantaPath;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.ManualClock;

/**
 * R25: a Manta PUT that dies after part of its body leaves the older object at that path whole
 * (Manta objects appear atomically); the retry then replaces it in one piece.
 */
class PartialOverwriteTest {
  private static final ManualClock CLOCK = new ManualClock();
  private static final int SIZE = 512 * 1024;
  private static final String PATH = "/alice/stor/reliability/r25/image.zfs.gz";

  @RegisterExtension static final LocalTritonExtension TRITON = LocalTritonExtension.withDefaults();

  @Test
  void putObject_cutHalfwayOverAnOlderObject_keepsTheOlderOneUntilTheRetryReplacesIt() {
    LocalTriton triton = TRITON.triton();
    Rig rig = Rig.on(triton, CLOCK, CLOCK);
    MantaClient manta = rig.manta();
    MantaPath path = manta.path(PATH);
    manta.mkdirp(path.parent());
    byte[] older = Payloads.bytes(SIZE, 25);
    byte[] newer = Payloads.bytes(SIZE + 1000, 26);
    manta.putObject(path, ByteSource.ofBytes(older, "older"));
    String olderEtag = triton.manta().object(PATH).orElseThrow().etag();
    triton
        .faults()
        .add(Fault.when(ServiceKind.MANTA, "PutObject").resetAfterBodyBytes(SIZE / 2).times(1));

    MantaClient once = rig.with(c -> c.retryPolicy(RetryPolicy.none())).manta();
    TritonIoException e =
        catchThrowableOfType(
            TritonIoException.class,
            () -> once.putObject(path, ByteSource.ofBytes(newer, "newer")));

    assertThat(e.getMessage()).contains("PutObject");
    var kept = triton.manta().object(PATH).orElseThrow();
    assertThat(kept.md5()).as("the older object is whole").isEqualTo(Payloads.md5Base64(older));
    assertThat(kept.size()).isEqualTo(SIZE);
    assertThat(kept.etag()).isEqualTo(olderEtag);

    triton
        .faults()
        .add(Fault.when(ServiceKind.MANTA, "PutObject").resetAfterBodyBytes(SIZE / 2).times(1));
    manta.putObject(path, ByteSource.ofBytes(newer, "newer"));

    var replaced = triton.manta().object(PATH).orElseThrow();
    assertThat(replaced.md5()).isEqualTo(Payloads.md5Base64(newer));
    assertThat(replaced.size()).isEqualTo(newer.length);
    assertThat(triton.manta().list("/alice/stor/reliability/r25")).containsExactly("image.zfs.gz");
    manta.deleteObject(path);
    manta.deleteObject(path.parent());
    manta.deleteObject(path.parent().parent());
  }
}
