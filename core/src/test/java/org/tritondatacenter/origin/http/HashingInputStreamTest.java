package org.tritondatacenter.origin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HashingInputStreamTest {
  private static final byte[] CONTENT = content();

  private static byte[] content() {
    byte[] bytes = new byte[200_000];
    new Random(3).nextBytes(bytes);
    return bytes;
  }

  @Test
  void readToTheEnd_givesTheSameDigestsAsMessageDigest() throws Exception {
    HashingInputStream in =
        new HashingInputStream(
            new ByteArrayInputStream(CONTENT), EnumSet.allOf(DigestAlgorithm.class));

    in.transferTo(java.io.OutputStream.nullOutputStream());
    Digests digests = in.digests();

    assertThat(digests.bytes()).isEqualTo(CONTENT.length);
    assertThat(digests.sha1()).isEqualTo(MessageDigest.getInstance("SHA-1").digest(CONTENT));
    assertThat(digests.md5Base64())
        .isEqualTo(
            Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(CONTENT)));
  }

  @Test
  void skippedAndSingleByteReads_areHashedToo() throws Exception {
    HashingInputStream in =
        new HashingInputStream(new ByteArrayInputStream(CONTENT), Set.of(DigestAlgorithm.MD5));

    assertThat(in.read()).isEqualTo(CONTENT[0] & 0xff);
    assertThat(in.skip(100_000)).isEqualTo(100_000);
    in.readAllBytes();

    assertThat(in.bytesRead()).isEqualTo(CONTENT.length);
    assertThat(in.digests().md5()).isEqualTo(MessageDigest.getInstance("MD5").digest(CONTENT));
    assertThat(in.digests().sha1Hex()).isNull();
  }

  @Test
  void readAfterDigests_isRefused() throws Exception {
    HashingInputStream in =
        new HashingInputStream(new ByteArrayInputStream(CONTENT), Set.of(DigestAlgorithm.SHA1));
    in.digests();

    assertThatThrownBy(in::read).isInstanceOf(IOException.class);
  }
}
