package org.tritondatacenter.origin.testkit.cloudapi;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The file of an image made from a machine: a real gzip stream of deterministic pseudo-random
 * content (the stand-in for an incremental ZFS send stream), written once to disk. SHA-1 and MD5
 * are computed while it is written, so it is never read back to digest it.
 *
 * @param sha1 hex, as IMGAPI's {@code files[].sha1}
 * @param md5 base64, as a {@code Content-MD5} header
 * @param size the compressed size in bytes, as {@code files[].size}
 */
record ImageFile(Path path, String sha1, String md5, long size) {

  static final String COMPRESSION = "gzip";

  /**
   * Writes {@code contentBytes} of content, seeded by {@code seed}, gzip-compressed to {@code
   * path}.
   */
  static ImageFile write(Path path, long contentBytes, long seed) {
    MessageDigest sha1 = digest("SHA-1");
    MessageDigest md5 = digest("MD5");
    try {
      Files.createDirectories(path.getParent());
      long size;
      try (OutputStream file = Files.newOutputStream(path);
          CountingStream counting = new CountingStream(file);
          OutputStream digesting =
              new DigestOutputStream(new DigestOutputStream(counting, sha1), md5);
          OutputStream gzip = new FastGzip(digesting)) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] buf = new byte[64 * 1024];
        long left = contentBytes;
        while (left > 0) {
          int n = (int) Math.min(buf.length, left);
          for (int i = 0; i < n; i += 8) {
            long r = random.nextLong();
            for (int b = 0; b < 8 && i + b < n; b++) {
              buf[i + b] = (byte) (r >>> (8 * b));
            }
          }
          gzip.write(buf, 0, n);
          left -= n;
        }
        gzip.close();
        size = counting.count;
      }
      return new ImageFile(
          path,
          HexFormat.of().formatHex(sha1.digest()),
          Base64.getEncoder().encodeToString(md5.digest()),
          size);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write image file " + path, e);
    }
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is not available", e);
    }
  }

  /** Random content does not compress, so spend as little CPU on it as gzip allows. */
  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(OutputStream out) throws IOException {
      super(out, 64 * 1024);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }

  private static final class CountingStream extends java.io.FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
