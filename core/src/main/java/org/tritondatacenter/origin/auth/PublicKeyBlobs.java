package org.tritondatacenter.origin.auth;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Converts between JCA public keys and the SSH wire-format public key blob (RFC 4253 section 6.6,
 * RFC 5656 section 3.1, RFC 8709 section 4), the bytes that fingerprints digest, agents list and
 * {@code .pub} files carry in base64.
 */
final class PublicKeyBlobs {
  /** The DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519; the raw 32 bytes follow. */
  private static final byte[] ED25519_X509_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  /** A decoded blob: the key's type and its JCA form. */
  record Decoded(KeyType type, PublicKey key) {}

  private PublicKeyBlobs() {}

  /** Returns the key type name at the start of a blob, such as {@code ssh-rsa}. */
  static String typeName(byte[] blob) {
    return new WireReader(blob).readUtf8();
  }

  /** Encodes a public key of one of the {@link KeyType}s as an SSH wire blob. */
  static byte[] encode(KeyType type, PublicKey key) {
    WireWriter out = new WireWriter().writeString(type.sshName());
    switch (type) {
      case RSA -> {
        RSAPublicKey rsa = (RSAPublicKey) key;
        out.writeMpint(rsa.getPublicExponent()).writeMpint(rsa.getModulus());
      }
      case ECDSA_P256, ECDSA_P384, ECDSA_P521 -> {
        ECPoint w = ((ECPublicKey) key).getW();
        int size = fieldBytes(type);
        // SEC1 uncompressed point: 0x04, then X and Y, each left-padded to the field size.
        byte[] point = new byte[1 + 2 * size];
        point[0] = 4;
        copyUnsigned(w.getAffineX(), point, 1, size);
        copyUnsigned(w.getAffineY(), point, 1 + size, size);
        out.writeString(type.curveName()).writeString(point);
      }
      case ED25519 -> {
        byte[] x509 = key.getEncoded();
        out.writeString(Arrays.copyOfRange(x509, x509.length - 32, x509.length));
      }
    }
    return out.toByteArray();
  }

  /**
   * Decodes a blob. Returns empty for a well-formed blob of a type this package does not use (DSA,
   * certificates, security keys), and throws {@link WireFormatException} for a malformed one.
   */
  static Optional<Decoded> decode(byte[] blob) {
    WireReader in = new WireReader(blob);
    KeyType type = KeyType.ofSshName(in.readUtf8());
    if (type == null) {
      return Optional.empty();
    }
    try {
      PublicKey key =
          switch (type) {
            case RSA -> {
              BigInteger e = in.readMpint();
              BigInteger n = in.readMpint();
              yield KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
            }
            case ECDSA_P256, ECDSA_P384, ECDSA_P521 -> decodeEc(type, in);
            case ED25519 -> {
              byte[] raw = in.readString();
              if (raw.length != 32) {
                throw new WireFormatException(
                    "an Ed25519 key has " + raw.length + " bytes, not 32");
              }
              yield ed25519(raw);
            }
          };
      if (in.hasRemaining()) {
        throw new WireFormatException("a " + type.sshName() + " blob has trailing bytes");
      }
      return Optional.of(new Decoded(type, key));
    } catch (GeneralSecurityException e) {
      throw new WireFormatException("a " + type.sshName() + " blob holds no valid key");
    }
  }

  /**
   * Reads the blob of an OpenSSH public key line ({@code <type> <base64> [comment]}), or returns
   * empty when the line has another shape.
   */
  static Optional<byte[]> fromPublicKeyLine(String line) {
    String[] fields = line.strip().split("\\s+");
    if (fields.length < 2) {
      return Optional.empty();
    }
    try {
      byte[] blob = Base64.getDecoder().decode(fields[1]);
      return fields[0].equals(typeName(blob)) ? Optional.of(blob) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Returns the JCA parameters of one of the three NIST curves. */
  static ECParameterSpec curve(KeyType type) {
    String name = secName(type);
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec(name));
      return parameters.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This Java runtime lacks the curve " + name, e);
    }
  }

  private static PublicKey decodeEc(KeyType type, WireReader in) throws GeneralSecurityException {
    String curve = in.readUtf8();
    if (!curve.equals(type.curveName())) {
      throw new WireFormatException("a " + type.sshName() + " blob names the curve " + curve);
    }
    byte[] point = in.readString();
    int size = fieldBytes(type);
    if (point.length != 1 + 2 * size || point[0] != 4) {
      throw new WireFormatException("a " + type.sshName() + " blob has no uncompressed point");
    }
    BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + size));
    BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 1 + size, point.length));
    return ec(type, x, y);
  }

  /** Returns the JCA form of an ECDSA public point on one of the NIST curves. */
  static PublicKey ec(KeyType type, BigInteger x, BigInteger y) throws GeneralSecurityException {
    return KeyFactory.getInstance("EC")
        .generatePublic(new ECPublicKeySpec(new ECPoint(x, y), curve(type)));
  }

  /** Returns the JCA form of a raw 32-byte Ed25519 public key (RFC 8032 encoding). */
  static PublicKey ed25519(byte[] raw) throws GeneralSecurityException {
    byte[] x509 = Arrays.copyOf(ED25519_X509_PREFIX, ED25519_X509_PREFIX.length + 32);
    System.arraycopy(raw, 0, x509, ED25519_X509_PREFIX.length, 32);
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
  }

  /** Returns the SEC 2 name of an ECDSA type's curve, such as {@code secp256r1}. */
  static String secName(KeyType type) {
    return switch (type) {
      case ECDSA_P256 -> "secp256r1";
      case ECDSA_P384 -> "secp384r1";
      case ECDSA_P521 -> "secp521r1";
      default -> throw new IllegalArgumentException(type + " is not an ECDSA type");
    };
  }

  private static int fieldBytes(KeyType type) {
    return switch (type) {
      case ECDSA_P256 -> 32;
      case ECDSA_P384 -> 48;
      case ECDSA_P521 -> 66;
      default -> throw new IllegalArgumentException(type + " is not an ECDSA type");
    };
  }

  private static void copyUnsigned(BigInteger value, byte[] target, int offset, int size) {
    byte[] bytes = value.toByteArray();
    int skip = bytes.length > size ? bytes.length - size : 0; // a sign byte of 0
    int length = bytes.length - skip;
    System.arraycopy(bytes, skip, target, offset + size - length, length);
  }
}
