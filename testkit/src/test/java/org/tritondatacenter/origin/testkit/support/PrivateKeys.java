package org.tritondatacenter.origin.testkit.support;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * Reads unencrypted private keys (PKCS#1, SEC1, PKCS#8 PEM and the OpenSSH format) and signs with
 * Bouncy Castle's lightweight API: RSA PKCS#1 v1.5, ECDSA with a DER signature, Ed25519 raw.
 */
final class PrivateKeys {
  private PrivateKeys() {}

  /** Signs {@code data} with the key's own scheme and the hash {@code algorithm} names. */
  static byte[] sign(String privateKeyText, String algorithm, byte[] data) {
    AsymmetricKeyParameter key = read(privateKeyText);
    Signer signer;
    if (key instanceof RSAKeyParameters) {
      signer = new RSADigestSigner(digest(algorithm));
    } else if (key instanceof ECPrivateKeyParameters) {
      signer = new DSADigestSigner(new ECDSASigner(), digest(algorithm));
    } else if (key instanceof Ed25519PrivateKeyParameters) {
      signer = new Ed25519Signer();
    } else {
      throw new IllegalArgumentException("unsupported private key " + key.getClass().getName());
    }
    signer.init(true, key);
    signer.update(data, 0, data.length);
    try {
      return signer.generateSignature();
    } catch (CryptoException e) {
      throw new IllegalStateException("signing failed", e);
    }
  }

  static AsymmetricKeyParameter read(String text) {
    try {
      if (text.contains("BEGIN OPENSSH PRIVATE KEY")) {
        try (PemReader reader = new PemReader(new StringReader(text))) {
          PemObject pem = reader.readPemObject();
          return OpenSSHPrivateKeyUtil.parsePrivateKeyBlob(pem.getContent());
        }
      }
      try (PEMParser parser = new PEMParser(new StringReader(text))) {
        Object object = parser.readObject();
        PrivateKeyInfo info =
            object instanceof PEMKeyPair pair ? pair.getPrivateKeyInfo() : (PrivateKeyInfo) object;
        return PrivateKeyFactory.createKey(info);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the private key", e);
    }
  }

  private static Digest digest(String algorithm) {
    String a = algorithm.toLowerCase(Locale.ROOT);
    if (a.endsWith("-sha1")) {
      return new SHA1Digest();
    }
    if (a.endsWith("-sha384")) {
      return new SHA384Digest();
    }
    if (a.endsWith("-sha512")) {
      return new SHA512Digest();
    }
    return new SHA256Digest();
  }
}
