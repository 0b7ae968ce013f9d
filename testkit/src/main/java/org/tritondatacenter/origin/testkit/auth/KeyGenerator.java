package org.tritondatacenter.origin.testkit.auth;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.tritondatacenter.origin.testkit.KeyKind;
import org.tritondatacenter.origin.testkit.TestKey;

/**
 * Generates keys for the local Triton's account, in the file formats {@code ssh-keygen} and the
 * Node.js clients (sshpk) read: RSA as PKCS#1 PEM, ECDSA as SEC1 PEM and Ed25519 in the OpenSSH
 * format (PEM has no standard Ed25519 form those tools accept).
 */
public final class KeyGenerator {
  private static final SecureRandom RANDOM = new SecureRandom();

  private KeyGenerator() {}

  /** Generates a key of one kind, with {@code comment} on its public-key line. */
  public static TestKey generate(KeyKind kind, String comment) {
    Objects.requireNonNull(kind, "kind == null");
    String note = comment == null ? "" : comment.strip();
    SshKeyType type = SshKeyType.of(kind);
    try {
      return switch (type) {
        case RSA -> rsa(kind, note);
        case ED25519 -> ed25519(kind, note);
        default -> ecdsa(kind, type, note);
      };
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a " + kind + " key", e);
    }
  }

  private static TestKey rsa(KeyKind kind, String comment) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048, RANDOM);
    KeyPair pair = generator.generateKeyPair();
    RSAPrivateCrtKey k = (RSAPrivateCrtKey) pair.getPrivate();
    RSAPrivateKey pkcs1 =
        new RSAPrivateKey(
            k.getModulus(),
            k.getPublicExponent(),
            k.getPrivateExponent(),
            k.getPrimeP(),
            k.getPrimeQ(),
            k.getPrimeExponentP(),
            k.getPrimeExponentQ(),
            k.getCrtCoefficient());
    RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
    byte[] blob =
        new SshWire.Writer()
            .string(SshKeyType.RSA.sshName())
            .mpint(pub.getPublicExponent())
            .mpint(pub.getModulus())
            .toByteArray();
    return testKey(kind, pem("RSA PRIVATE KEY", der(pkcs1)), SshKeyType.RSA, blob, comment);
  }

  private static TestKey ecdsa(KeyKind kind, SshKeyType type, String comment)
      throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec(type.jcaCurve()), RANDOM);
    KeyPair pair = generator.generateKeyPair();
    byte[] point = uncompressed((ECPublicKey) pair.getPublic(), type.fieldBytes());
    // SEC1 with the named curve and the public point, as OpenSSL writes it; tools that find no
    // curve parameters in the key refuse it.
    ASN1Encodable curveOid = ECNamedCurveTable.getOID(type.jcaCurve());
    org.bouncycastle.asn1.sec.ECPrivateKey sec1 =
        new org.bouncycastle.asn1.sec.ECPrivateKey(
            type.fieldBytes() * 8,
            ((ECPrivateKey) pair.getPrivate()).getS(),
            new DERBitString(point),
            curveOid);
    byte[] blob =
        new SshWire.Writer()
            .string(type.sshName())
            .string(type.curveId())
            .bytes(point)
            .toByteArray();
    return testKey(kind, pem("EC PRIVATE KEY", der(sec1)), type, blob, comment);
  }

  private static TestKey ed25519(KeyKind kind, String comment) {
    Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
    generator.init(new Ed25519KeyGenerationParameters(RANDOM));
    AsymmetricCipherKeyPair pair = generator.generateKeyPair();
    Ed25519PrivateKeyParameters priv = (Ed25519PrivateKeyParameters) pair.getPrivate();
    byte[] blob =
        new SshWire.Writer()
            .string(SshKeyType.ED25519.sshName())
            .bytes(((Ed25519PublicKeyParameters) pair.getPublic()).getEncoded())
            .toByteArray();
    try {
      String text = pem("OPENSSH PRIVATE KEY", OpenSSHPrivateKeyUtil.encodePrivateKey(priv));
      return testKey(kind, text, SshKeyType.ED25519, blob, comment);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode an Ed25519 key", e);
    }
  }

  private static TestKey testKey(
      KeyKind kind, String privateText, SshKeyType type, byte[] blob, String comment) {
    SshPublicKey pub = SshPublicKey.fromBlob(type, blob, comment);
    return new TestKey(
        kind, privateText, pub.line(), pub.md5Fingerprint(), pub.sha256Fingerprint(), null);
  }

  private static byte[] uncompressed(ECPublicKey key, int fieldBytes) {
    byte[] out = new byte[1 + 2 * fieldBytes];
    out[0] = 0x04;
    copyUnsigned(key.getW().getAffineX(), out, 1, fieldBytes);
    copyUnsigned(key.getW().getAffineY(), out, 1 + fieldBytes, fieldBytes);
    return out;
  }

  private static void copyUnsigned(BigInteger value, byte[] out, int offset, int length) {
    byte[] raw = value.toByteArray();
    int skip = raw.length > length ? raw.length - length : 0;
    int n = raw.length - skip;
    System.arraycopy(raw, skip, out, offset + length - n, n);
  }

  private static byte[] der(org.bouncycastle.asn1.ASN1Object object) {
    try {
      return object.getEncoded("DER");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String pem(String type, byte[] content) {
    StringWriter text = new StringWriter();
    try (PemWriter writer = new PemWriter(text)) {
      writer.writeObject(new PemObject(type, content));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }
}
