package org.tritondatacenter.origin.auth;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads the SSH wire primitives of RFC 4251 section 5 from a byte array, checking every length. */
final class WireReader {
  private final byte[] data;
  private int position;

  WireReader(byte[] data) {
    this.data = data;
  }

  boolean hasRemaining() {
    return position < data.length;
  }

  int readByte() {
    require(1);
    return data[position++] & 0xff;
  }

  /** Reads an unsigned 32-bit value; lengths above {@code Integer.MAX_VALUE} are rejected. */
  long readUint32() {
    require(4);
    long value = 0;
    for (int i = 0; i < 4; i++) {
      value = (value << 8) | (data[position++] & 0xff);
    }
    return value;
  }

  byte[] readString() {
    long length = readUint32();
    if (length > data.length - position) {
      throw new WireFormatException(
          "a string claims " + length + " bytes but only " + (data.length - position) + " remain");
    }
    byte[] value = Arrays.copyOfRange(data, position, position + (int) length);
    position += (int) length;
    return value;
  }

  String readUtf8() {
    return new String(readString(), StandardCharsets.UTF_8);
  }

  BigInteger readMpint() {
    byte[] bytes = readString();
    return bytes.length == 0 ? BigInteger.ZERO : new BigInteger(bytes);
  }

  private void require(int count) {
    if (data.length - position < count) {
      throw new WireFormatException("the data ends early, at byte " + position);
    }
  }
}
