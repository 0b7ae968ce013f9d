package org.tritondatacenter.origin.auth;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * Turns a decoded PKCS#8 {@code PrivateKeyInfo}, whatever file format it came from, into a {@link
 * LocalSigningKey} backed by the Java runtime's own key classes.
 *
 * <p>Both loaders end here, so every key signs through the same JCA providers however it was read.
 * The public half is always derived from the private one rather than trusted from the file: PKCS#8
 * and SEC1 files may omit it.
 */
final class KeyMaterial {
  private KeyMaterial() {}

  static LocalSigningKey toSigningKey(PrivateKeyInfo info, String source)
      throws IOException, GeneralSecurityException {
    ASN1ObjectIdentifier algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
    if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
      return rsa(RSAPrivateKey.getInstance(info.parsePrivateKey()), source);
    }
    if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
      KeyType type = curveType(info.getPrivateKeyAlgorithm().getParameters(), source);
      return ec(type, ECPrivateKey.getInstance(info.parsePrivateKey()).getKey(), source);
    }
    if (EdECObjectIdentifiers.id_Ed25519.equals(algorithm)) {
      return ed25519(ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets(), source);
    }
    throw KeyErrors.unsupportedType(source, algorithmName(algorithm));
  }

  private static LocalSigningKey rsa(RSAPrivateKey k, String source)
      throws GeneralSecurityException {
    KeyFactory factory = KeyFactory.getInstance("RSA");
    PrivateKey privateKey =
        factory.generatePrivate(
            new RSAPrivateCrtKeySpec(
                k.getModulus(),
                k.getPublicExponent(),
                k.getPrivateExponent(),
                k.getPrime1(),
                k.getPrime2(),
                k.getExponent1(),
                k.getExponent2(),
                k.getCoefficient()));
    PublicKey publicKey =
        factory.generatePublic(new RSAPublicKeySpec(k.getModulus(), k.getPublicExponent()));
    return new LocalSigningKey(KeyType.RSA, privateKey, publicKey, source);
  }

  private static LocalSigningKey ec(KeyType type, BigInteger d, String source)
      throws GeneralSecurityException {
    X9ECParameters curve = ECNamedCurveTable.getByName(PublicKeyBlobs.secName(type));
    if (d.signum() <= 0 || d.compareTo(curve.getN()) >= 0) {
      throw KeyErrors.damaged(source, "its ECDSA private value is out of range", null);
    }
    ECPoint q = new FixedPointCombMultiplier().multiply(curve.getG(), d).normalize();
    PublicKey publicKey =
        PublicKeyBlobs.ec(
            type, q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
    PrivateKey privateKey =
        KeyFactory.getInstance("EC")
            .generatePrivate(new ECPrivateKeySpec(d, PublicKeyBlobs.curve(type)));
    return new LocalSigningKey(type, privateKey, publicKey, source);
  }

  private static LocalSigningKey ed25519(byte[] seed, String source)
      throws GeneralSecurityException {
    if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
      throw KeyErrors.damaged(source, "its Ed25519 private value is not 32 bytes", null);
    }
    byte[] publicRaw = new Ed25519PrivateKeyParameters(seed).generatePublicKey().getEncoded();
    PrivateKey privateKey =
        KeyFactory.getInstance("Ed25519")
            .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
    return new LocalSigningKey(
        KeyType.ED25519, privateKey, PublicKeyBlobs.ed25519(publicRaw), source);
  }

  private static KeyType curveType(ASN1Encodable parameters, String source) {
    if (!(parameters instanceof ASN1ObjectIdentifier curve)) {
      // Explicit curve parameters: legal in SEC1, but no SSH key type carries them.
      throw KeyErrors.unsupportedType(source, "ECDSA (explicit curve parameters)");
    }
    if (SECObjectIdentifiers.secp256r1.equals(curve)) {
      return KeyType.ECDSA_P256;
    }
    if (SECObjectIdentifiers.secp384r1.equals(curve)) {
      return KeyType.ECDSA_P384;
    }
    if (SECObjectIdentifiers.secp521r1.equals(curve)) {
      return KeyType.ECDSA_P521;
    }
    String name = ECNamedCurveTable.getName(curve);
    throw KeyErrors.unsupportedType(source, "ECDSA " + (name == null ? curve.getId() : name));
  }

  private static String algorithmName(ASN1ObjectIdentifier algorithm) {
    if (X9ObjectIdentifiers.id_dsa.equals(algorithm)) {
      return "DSA";
    }
    if (EdECObjectIdentifiers.id_Ed448.equals(algorithm)) {
      return "Ed448";
    }
    if (EdECObjectIdentifiers.id_X25519.equals(algorithm)
        || EdECObjectIdentifiers.id_X448.equals(algorithm)) {
      return "key-agreement (X25519/X448)";
    }
    return "unknown (OID " + algorithm.getId() + ")";
  }
}
