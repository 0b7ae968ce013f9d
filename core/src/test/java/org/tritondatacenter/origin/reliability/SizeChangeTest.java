package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tritondatacenter.origin.BuildFailedException;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.operations.LocalOps;
import org.tritondatacenter.origin.publish.FileSourceMode;
import org.tritondatacenter.origin.publish.ImageFileSource;
import org.tritondatacenter.origin.publish.PublishItem;
import org.tritondatacenter.origin.steps.ExportResult;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

/**
 * R9: an image file that grows or shrinks while it is being sent is caught (the bytes read differ
 * from the size announced); publish fails naming both sizes, activates nothing and rolls the image
 * back. A server that records another size than was sent is refused by the client's check too
 * ({@code ImgapiClientFileTest.addImageFile_serverRecordsAnotherSize_failsNamingBoth}).
 */
class SizeChangeTest {
  private static final ScaledClock CLOCK = ScaledClock.create(Builds.SPEED);
  private static final int CHANGE = 1000;

  @RegisterExtension
  static final LocalTritonExtension TRITON =
      LocalTritonExtension.withOptions(LocalOps.options(CLOCK).build());

  @ParameterizedTest(name = "file changes by {0} bytes")
  @ValueSource(ints = {CHANGE, -CHANGE})
  void publish_fileChangesSizeWhileSent_failsNamingBothSizesAndActivatesNothing(int change) {
    Publishing publishing = new Publishing(TRITON.triton(), CLOCK);
    ExportResult exported = publishing.export();
    LocalTriton triton = publishing.triton();
    PublishItem item = publishing.items(exported).get(0);
    long size = item.file().bytes().size();
    PublishItem changing =
        new PublishItem(
            item.manifest(),
            ImageFileSource.streamOnly(new Changing(item.file().bytes(), change)),
            item.source());

    BuildFailedException e =
        catchThrowableOfType(
            BuildFailedException.class,
            () ->
                publishing.publish(List.of(changing), FileSourceMode.STREAM, Publishing.record()));

    assertThat(e.getMessage())
        .contains("failed at 'add file'", "changed while it was being sent")
        .contains("expected " + size + " bytes, read " + (size + change));
    assertThat(triton.requests().count("ActivateImage")).isZero();
    assertThat(triton.imgapi("updates").image(item.manifest().uuid())).as("rolled back").isEmpty();
  }

  /** A file that, once opened, turns out longer or shorter than its size said. */
  static final class Changing implements ByteSource {
    private final ByteSource file;
    private final int change;

    Changing(ByteSource file, int change) {
      this.file = file;
      this.change = change;
    }

    @Override
    public InputStream open() throws IOException {
      InputStream in = file.open();
      if (change > 0) {
        return new SequenceInputStream(in, new ByteArrayInputStream(new byte[change]));
      }
      long keep = file.size() + change;
      return new java.io.FilterInputStream(in) {
        private long left = keep;

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          if (left <= 0) {
            return -1;
          }
          int n = super.read(b, off, (int) Math.min(len, left));
          if (n > 0) {
            left -= n;
          }
          return n;
        }
      };
    }

    @Override
    public long size() {
      return file.size();
    }

    @Override
    public String describe() {
      return file.describe();
    }
  }
}
