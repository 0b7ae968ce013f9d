package org.tritondatacenter.origin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PipelinedHasherTest {
  private static final int BUFFER = 1024;

  /** Feeds {@code content} through a hasher in chunks of varying size, as a socket write would. */
  private static Digests hashInChunks(byte[] content, Set<DigestAlgorithm> algorithms)
      throws Exception {
    Random sizes = new Random(7);
    try (PipelinedHasher hasher = new PipelinedHasher(algorithms, BUFFER)) {
      int offset = 0;
      while (offset < content.length) {
        byte[] buffer = hasher.take();
        int n = Math.min(content.length - offset, 1 + sizes.nextInt(BUFFER));
        System.arraycopy(content, offset, buffer, 0, n);
        hasher.submit(buffer, n);
        offset += n;
      }
      return hasher.finish();
    }
  }

  @Test
  void finish_manyChunksThroughTheRing_givesTheDigestsOfTheWholeInOrder() throws Exception {
    byte[] content = new byte[PipelinedHasher.SLOTS * BUFFER * 37 + 11];
    new Random(2026).nextBytes(content);

    Digests digests = hashInChunks(content, EnumSet.allOf(DigestAlgorithm.class));

    assertThat(digests.bytes()).isEqualTo(content.length);
    assertThat(digests.sha1()).isEqualTo(MessageDigest.getInstance("SHA-1").digest(content));
    assertThat(digests.md5()).isEqualTo(MessageDigest.getInstance("MD5").digest(content));
  }

  @Test
  void finish_nothingSubmitted_givesTheDigestsOfNoBytes() throws Exception {
    Digests digests = hashInChunks(new byte[0], EnumSet.of(DigestAlgorithm.MD5));

    assertThat(digests.bytes()).isZero();
    assertThat(digests.md5()).isEqualTo(MessageDigest.getInstance("MD5").digest());
    assertThat(digests.sha1()).isNull();
  }

  @Test
  void giveBack_unfilledBuffer_returnsToTheRing() throws Exception {
    try (PipelinedHasher hasher = new PipelinedHasher(EnumSet.of(DigestAlgorithm.SHA1), BUFFER)) {
      // Taking and giving back more often than there are slots would block if a buffer were lost.
      for (int i = 0; i < PipelinedHasher.SLOTS * 3; i++) {
        hasher.giveBack(hasher.take());
      }
      assertThat(hasher.finish().bytes()).isZero();
    }
  }

  @Test
  void close_withoutFinish_stopsTheDigestThread() throws Exception {
    PipelinedHasher hasher = new PipelinedHasher(EnumSet.of(DigestAlgorithm.MD5), BUFFER);
    hasher.submit(hasher.take(), BUFFER);

    hasher.close();

    assertThat(hasher.workerAlive()).isFalse();
  }

  @Test
  void take_interruptedWhileTheRingIsEmpty_throwsAndKeepsTheInterrupt() throws Exception {
    try (PipelinedHasher hasher = new PipelinedHasher(EnumSet.of(DigestAlgorithm.MD5), BUFFER)) {
      for (int i = 0; i < PipelinedHasher.SLOTS; i++) {
        hasher.take();
      }
      Thread.currentThread().interrupt();
      try {
        assertThatThrownBy(hasher::take).isInstanceOf(InterruptedIOException.class);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
      } finally {
        Thread.interrupted();
      }
    }
  }
}
