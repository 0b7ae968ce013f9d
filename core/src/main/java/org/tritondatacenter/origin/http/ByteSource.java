package org.tritondatacenter.origin.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.tritondatacenter.origin.TritonIoException;

/**
 * Bytes that can be read from the start again, such as a file: a request body that a retry can
 * resend whole.
 *
 * <p>Each attempt calls {@link #open()} once and reads the stream to its end; nothing is buffered
 * whole in memory.
 */
public interface ByteSource {

  /** Opens a new stream positioned at the first byte. The caller closes it. */
  InputStream open() throws IOException;

  /** Returns the number of bytes, or -1 when unknown (the body is then sent chunked). */
  long size();

  /** Describes the source for messages and progress, such as a file path. */
  String describe();

  /** Returns the file at {@code path} as a source. */
  static ByteSource ofFile(Path path) {
    Objects.requireNonNull(path, "path == null");
    return new ByteSource() {
      @Override
      public InputStream open() throws IOException {
        return Files.newInputStream(path);
      }

      @Override
      public long size() {
        try {
          return Files.size(path);
        } catch (IOException e) {
          throw new TritonIoException("cannot read " + path + ": " + e.getMessage(), e);
        }
      }

      @Override
      public String describe() {
        return path.toString();
      }

      @Override
      public String toString() {
        return "ByteSource.ofFile(" + path + ")";
      }
    };
  }

  /** Returns an in-memory source; meant for small bodies and tests. */
  static ByteSource ofBytes(byte[] bytes, String description) {
    byte[] copy = bytes.clone();
    Objects.requireNonNull(description, "description == null");
    return new ByteSource() {
      @Override
      public InputStream open() {
        return new ByteArrayInputStream(copy);
      }

      @Override
      public long size() {
        return copy.length;
      }

      @Override
      public String describe() {
        return description;
      }

      @Override
      public String toString() {
        return "ByteSource.ofBytes(" + description + ", " + copy.length + " bytes)";
      }
    };
  }
}
