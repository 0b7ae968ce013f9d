package org.tritondatacenter.origin.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.manta.MantaPath;
import org.tritondatacenter.origin.manta.SnapLinksUnavailableException;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ManualClock;

/** A Manta without snaplinks, as mantav2 is: the client says so in a way a caller can act on. */
class MantaV2Test {
  private static final ManualClock CLOCK = new ManualClock();

  @RegisterExtension
  static final LocalTritonExtension triton =
      LocalTritonExtension.withOptions(TritonClients.options(CLOCK).snaplinks(false).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(triton);

  @Test
  void putSnapLink_serverWithoutSnaplinks_throwsSnapLinksUnavailable() {
    MantaClient manta = new TritonClients(triton.triton(), CLOCK).manta();
    MantaPath dir = manta.path("~~/stor/it/v2");
    manta.mkdirp(dir);
    MantaPath source = dir.resolve("source.txt");
    manta.putObject(source, ByteSource.ofBytes(new byte[] {1, 2, 3}, "three bytes"));
    MantaPath link = dir.resolve("latest.txt");

    SnapLinksUnavailableException e =
        catchThrowableOfType(
            SnapLinksUnavailableException.class, () -> manta.putSnapLink(link, source));

    secrets.record(e);
    assertThat(e.hasCode("SnaplinksDisabledError")).isTrue();
    assertThat(e.getMessage())
        .contains("snaplinks are not available", "mantav2", link.toString(), "write a copy");
    assertThat(triton.triton().manta().exists(link.toString())).isFalse();
    manta.deleteObject(source);
  }
}
