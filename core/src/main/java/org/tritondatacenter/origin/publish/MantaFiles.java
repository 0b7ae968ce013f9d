package org.tritondatacenter.origin.publish;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.imgapi.ImageManifest;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.manta.MantaInputStream;
import org.tritondatacenter.origin.manta.MantaObject;
import org.tritondatacenter.origin.manta.MantaPath;

/** Reads manifests from Manta and makes image files in Manta into file sources. */
final class MantaFiles {
  private final MantaClient manta;
  private final boolean urlPreferred;

  /**
   * @param urlPreferred true when Manta is served over https, so IMGAPI can be handed a signed URL
   */
  MantaFiles(MantaClient manta, boolean urlPreferred) {
    this.manta = manta;
    this.urlPreferred = urlPreferred;
  }

  MantaClient client() {
    return manta;
  }

  /** Reads and parses the manifest at {@code path}; calls Manta GetObject. */
  ImageManifest manifest(MantaPath path) {
    String text;
    try (MantaInputStream in = manta.getObject(path)) {
      byte[] bytes = in.readNBytes(PublishSources.MAX_MANIFEST_BYTES + 1);
      if (bytes.length > PublishSources.MAX_MANIFEST_BYTES) {
        throw new TritonException(
            "the manifest "
                + path
                + " is larger than "
                + PublishSources.MAX_MANIFEST_BYTES
                + " bytes; is it the image file rather than its manifest?");
      }
      text = new String(bytes, StandardCharsets.UTF_8);
    } catch (TritonApiException e) {
      if (e.isNotFound()) {
        throw new TritonException("the manifest " + path + " does not exist in Manta", e);
      }
      throw e;
    } catch (IOException e) {
      throw new TritonException("cannot read the manifest " + path + ": " + e.getMessage(), e);
    }
    try {
      return ImageManifest.parse(text, path.toString());
    } catch (IllegalArgumentException e) {
      throw new TritonException(e.getMessage(), e);
    }
  }

  /**
   * Returns the image file at {@code path} as a source, after checking with HEAD that it exists and
   * has {@code size} bytes. Each open is a fresh GetObject whose MD5 is verified at its end.
   */
  ImageFileSource file(MantaPath path, long size) {
    MantaObject object;
    try {
      object = manta.head(path);
    } catch (TritonApiException e) {
      if (e.isNotFound()) {
        throw new TritonException("the image file " + path + " does not exist in Manta", e);
      }
      throw e;
    }
    if (object.isDirectory()) {
      throw new TritonException("the image file " + path + " is a directory in Manta");
    }
    if (object.size() >= 0 && object.size() != size) {
      throw new TritonException(
          "the image file "
              + path
              + " has "
              + object.size()
              + " bytes, but its manifest gives files[0].size "
              + size
              + "; the file and manifest do not belong together");
    }
    return ImageFileSource.withUrl(
        new MantaByteSource(manta, path, size), d -> manta.signUrl(path, d).uri(), urlPreferred);
  }

  /** A Manta object read afresh on every open, its failures reported as I/O errors. */
  private record MantaByteSource(MantaClient manta, MantaPath path, long size)
      implements ByteSource {
    @Override
    public InputStream open() throws IOException {
      MantaInputStream in;
      try {
        in = manta.getObject(path);
      } catch (TritonException e) {
        throw asIo(e);
      }
      // An upload reads this stream; its failures must be I/O errors for the upload to retry.
      return new FilterInputStream(in) {
        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          try {
            return super.read(b, off, len);
          } catch (TritonException e) {
            throw asIo(e);
          }
        }

        @Override
        public int read() throws IOException {
          try {
            return super.read();
          } catch (TritonException e) {
            throw asIo(e);
          }
        }
      };
    }

    @Override
    public String describe() {
      return path.toString();
    }

    private static IOException asIo(TritonException e) {
      IOException io =
          e instanceof OperationInterruptedException
              ? new InterruptedIOException(e.getMessage())
              : new IOException(e.getMessage());
      io.initCause(e);
      return io;
    }
  }
}
