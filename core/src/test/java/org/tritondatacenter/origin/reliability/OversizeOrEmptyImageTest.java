package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.http.Json;
import org.tritondatacenter.origin.imgapi.Compression;
import org.tritondatacenter.origin.imgapi.ImageManifest;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.publish.FileSourceMode;
import org.tritondatacenter.origin.publish.Publish;
import org.tritondatacenter.origin.publish.PublishSettings;
import org.tritondatacenter.origin.publish.PublishSources;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.state.RecordKeeper;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.ManualClock;

/**
 * R26: an image file over IMGAPI's 20 GiB, or an empty one, is refused before a byte is sent (and,
 * in publish, before the image is even imported), with the limit in the message.
 */
class OversizeOrEmptyImageTest {
  private static final ManualClock CLOCK = new ManualClock();
  private static final long OVER = ImgapiClient.MAX_FILE_BYTES + 1;

  @RegisterExtension static final LocalTritonExtension TRITON = LocalTritonExtension.withDefaults();

  @TempDir Path temp;

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(longs = {OVER, 0})
  void addImageFile_fileOverTheLimitOrEmpty_isRefusedBeforeAnyByte(long size) {
    LocalTriton triton = TRITON.triton();
    ImgapiClient imgapi = Rig.on(triton, CLOCK, CLOCK).updates();
    ImageManifest manifest = Rig.manifest("reliability-r26", "1.0.0");
    imgapi.adminImportImage(manifest, "dev");
    Unreadable source = new Unreadable(size);

    Throwable e =
        catchThrowable(
            () ->
                imgapi.addImageFile(manifest.uuid(), source, Compression.GZIP, null, null, "dev"));

    assertThat(e).isInstanceOf(IllegalArgumentException.class);
    assertThat(e.getMessage())
        .contains(manifest.uuid())
        .contains(size == 0 ? "empty" : "20 GiB (21474836480 bytes)");
    assertThat(source.opened).as("not a byte was read").isFalse();
    assertThat(triton.requests().count("AddImageFile")).isZero();
    imgapi.deleteImage(manifest.uuid(), "dev", true);
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(longs = {OVER, 0})
  void publish_manifestGivesAFileOverTheLimitOrEmpty_isRefusedBeforeTheImport(long size)
      throws Exception {
    LocalTriton triton = TRITON.triton();
    Rig rig = Rig.on(triton, CLOCK, CLOCK);
    Path manifest = temp.resolve("image.imgmanifest");
    Path file = temp.resolve("image.zfs.gz");
    Files.write(file, new byte[] {1});
    Map<String, Object> tree =
        Json.mapper().convertValue(Rig.manifest("reliability-r26", "1.0.0").toTree(), Map.class);
    tree.put(
        "files", List.of(Map.of("sha1", "ab".repeat(20), "size", size, "compression", "gzip")));
    Files.writeString(manifest, Json.mapper().writeValueAsString(tree));

    Throwable e =
        catchThrowable(
            () ->
                new Publish(
                        rig.updates(),
                        new PublishSettings("dev", FileSourceMode.STREAM, false),
                        CLOCK,
                        CLOCK,
                        rig.events)
                    .run(
                        List.of(PublishSources.fromLocalFiles(manifest, file)),
                        new RecordKeeper(new MemoryRunRecordStore(), "memory")));

    assertThat(e).isInstanceOf(TritonException.class);
    assertThat(e.getMessage())
        .contains(manifest.toString(), size + " bytes", "20 GiB (21474836480 bytes)");
    assertThat(triton.requests().count("AdminImportImage")).isZero();
    assertThat(triton.requests().count("AddImageFile")).isZero();
  }

  /** A source of a given size that must never be read. */
  static final class Unreadable implements ByteSource {
    private final long size;
    volatile boolean opened;

    Unreadable(long size) {
      this.size = size;
    }

    @Override
    public InputStream open() throws IOException {
      opened = true;
      throw new IOException("must not be read");
    }

    @Override
    public long size() {
      return size;
    }

    @Override
    public String describe() {
      return "a file of " + size + " bytes";
    }
  }
}
