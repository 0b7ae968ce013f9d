package org.tritondatacenter.origin.auth;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** Writes the SSH wire primitives of RFC 4251 section 5. */
final class WireWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  WireWriter writeByte(int value) {
    out.write(value);
    return this;
  }

  WireWriter writeUint32(long value) {
    out.write((int) (value >>> 24));
    out.write((int) (value >>> 16));
    out.write((int) (value >>> 8));
    out.write((int) value);
    return this;
  }

  WireWriter writeString(byte[] value) {
    writeUint32(value.length);
    out.writeBytes(value);
    return this;
  }

  WireWriter writeString(String value) {
    return writeString(value.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes a multiple-precision integer: two's complement, big-endian, minimal length, with zero as
   * the empty string. {@link BigInteger#toByteArray()} already gives the minimal form.
   */
  WireWriter writeMpint(BigInteger value) {
    return writeString(value.signum() == 0 ? new byte[0] : value.toByteArray());
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }
}
