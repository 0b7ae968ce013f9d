package org.tritondatacenter.origin.testkit.manta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.testkit.StorageMode;

/** DISCARD storage, bench mode, synthetic objects and the unauthenticated listener. */
class BenchmarkModesTest {
  private static final long MIB = 1024 * 1024;

  @TempDir Path dataDir;

  @Test
  void discardMode_putObject_keepsSizeAndMd5ButNoBytes() throws Exception {
    try (MantaFixture f = new MantaFixture(dataDir, b -> b.storage(StorageMode.DISCARD))) {
      byte[] body = new byte[(int) MIB];

      HttpResponse<String> put = f.put("/alice/stor/big", body);

      assertThat(put.statusCode()).isEqualTo(204);
      assertThat(put.headers().firstValue("computed-md5")).contains(MantaFixture.md5(body));
      assertThat(f.manta.bytesOnDisk()).isZero();
      MantaObject object = f.manta.object("/alice/stor/big").orElseThrow();
      assertThat(object.size()).isEqualTo(MIB);
      assertThat(object.content()).isEqualTo(MantaObject.Content.DISCARDED);
      assertThat(f.head("/alice/stor/big").headers().firstValue("content-md5"))
          .contains(MantaFixture.md5(body));
    }
  }

  @Test
  void discardMode_getObject_answers501ExplainingTheBytesWereNotKept() throws Exception {
    try (MantaFixture f = new MantaFixture(dataDir, b -> b.storage(StorageMode.DISCARD))) {
      f.put("/alice/stor/big", "some bytes");

      HttpResponse<String> get = f.get("/alice/stor/big");

      assertThat(get.statusCode()).isEqualTo(501);
      assertThat(get.body()).contains("DISCARD").contains("/alice/stor/big");
    }
  }

  @Test
  void benchMode_putObject_answersTheClientsMd5WithoutChecking() throws Exception {
    try (MantaFixture f = new MantaFixture(dataDir, b -> b.benchMode(true))) {
      String claimed = MantaFixture.md5("something else");

      HttpResponse<String> put = f.put("/alice/stor/o", "payload", "Content-MD5", claimed);

      assertThat(put.statusCode()).isEqualTo(204);
      assertThat(put.headers().firstValue("computed-md5")).contains(claimed);
    }
  }

  @Test
  void benchMode_putObjectWithoutContentMd5_stillComputesIt() throws Exception {
    try (MantaFixture f = new MantaFixture(dataDir, b -> b.benchMode(true))) {
      HttpResponse<String> put = f.put("/alice/stor/o", "payload");

      assertThat(put.headers().firstValue("computed-md5")).contains(MantaFixture.md5("payload"));
    }
  }

  @Test
  void normalMode_putObjectWithWrongContentMd5_isRefused() throws Exception {
    try (MantaFixture f = new MantaFixture(dataDir)) {
      HttpResponse<String> put =
          f.put("/alice/stor/o", "payload", "Content-MD5", MantaFixture.md5("other"));

      assertThat(put.statusCode()).isEqualTo(400);
    }
  }

  @Test
  void unauthenticatedListener_servesWritesWithoutAnySignature() throws Exception {
    try (MantaFixture f = new MantaFixture(dataDir)) {
      HttpResponse<String> put =
          f.client.send(
              HttpRequest.newBuilder(f.unauthenticatedBase.resolve("/alice/stor/o"))
                  .PUT(HttpRequest.BodyPublishers.ofString("curl"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(put.statusCode()).isEqualTo(204);
      assertThat(put.headers().firstValue("testkit-mode"))
          .contains("unauthenticated-benchmark-listener");
      assertThat(f.get("/alice/stor/o").body()).isEqualTo("curl");
    }
  }

  @Test
  void syntheticObject_rangeRead_matchesTheSameBytesOfAFullRead() throws Exception {
    try (MantaFixture f = new MantaFixture(dataDir)) {
      f.manta.putSynthetic("/alice/stor/bench/synthetic", 200_000, 42);
      byte[] whole = f.manta.read("/alice/stor/bench/synthetic").readAllBytes();

      HttpResponse<byte[]> range =
          f.client.send(
              f.request("/alice/stor/bench/synthetic").header("Range", "bytes=65530-65545").build(),
              HttpResponse.BodyHandlers.ofByteArray());

      assertThat(range.statusCode()).isEqualTo(206);
      assertThat(range.body()).containsExactly(java.util.Arrays.copyOfRange(whole, 65530, 65546));
      assertThat(f.manta.object("/alice/stor/bench/synthetic").orElseThrow().md5())
          .isEqualTo(MantaFixture.md5(whole));
      assertThat(f.manta.bytesOnDisk()).isZero();
    }
  }

  @Test
  void syntheticObject_differentSeeds_giveDifferentBytes() throws Exception {
    try (MantaFixture f = new MantaFixture(dataDir)) {
      MantaObject a = f.manta.putSynthetic("/alice/stor/a", 4096, 1);
      MantaObject b = f.manta.putSynthetic("/alice/stor/b", 4096, 2);

      assertThat(a.md5()).isNotEqualTo(b.md5());
      assertThat(a.content()).isEqualTo(MantaObject.Content.SYNTHETIC);
    }
  }

  @Test
  void syntheticObject_256MibGet_streamsWithAFlatHeap() throws Exception {
    long size = 256 * MIB;
    try (MantaFixture f = new MantaFixture(dataDir)) {
      f.manta.putSynthetic("/alice/stor/bench/big", size, 7);
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      System.gc();
      long baseline = memory.getHeapMemoryUsage().getUsed();

      HttpResponse<InputStream> get =
          f.client.send(
              f.request("/alice/stor/bench/big").GET().build(),
              HttpResponse.BodyHandlers.ofInputStream());
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      long received = 0;
      Long midStreamGrowth = null;
      try (InputStream in = get.body()) {
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
          md5.update(buffer, 0, n);
          received += n;
          if (midStreamGrowth == null && received >= size / 2) {
            // Half-way through: had the server buffered the object, it would be live now.
            System.gc();
            midStreamGrowth = memory.getHeapMemoryUsage().getUsed() - baseline;
          }
        }
      }

      assertThat(get.statusCode()).isEqualTo(200);
      assertThat(received).isEqualTo(size);
      assertThat(Base64.getEncoder().encodeToString(md5.digest()))
          .isEqualTo(get.headers().firstValue("content-md5").orElseThrow());
      assertThat(midStreamGrowth).isNotNull().isLessThan(64 * MIB);
      assertThat(f.manta.bytesOnDisk()).isZero();
    }
  }
}
