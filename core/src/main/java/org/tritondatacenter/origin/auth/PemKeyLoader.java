package org.tritondatacenter.origin.auth;

import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.Provider;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.tritondatacenter.origin.KeyException;

/**
 * Reads the PEM private key formats through Bouncy Castle: PKCS#1 ({@code BEGIN RSA PRIVATE KEY}),
 * SEC1 ({@code BEGIN EC PRIVATE KEY}), both optionally encrypted with OpenSSL's {@code
 * Proc-Type}/{@code DEK-Info} headers, and PKCS#8 ({@code BEGIN PRIVATE KEY}, {@code BEGIN
 * ENCRYPTED PRIVATE KEY}). {@code ssh-keygen -m PEM} and {@code -m PKCS8} write these.
 */
final class PemKeyLoader {
  /**
   * A private instance, never registered with {@link java.security.Security}: the ciphers of legacy
   * PEM encryption must be found whatever the JVM's provider list holds. It is made on first use,
   * by an encrypted key only: building it loads every algorithm Bouncy Castle has, a cost each
   * start of the command line would otherwise pay for a plain key.
   */
  private static final class Bc {
    static final Provider PROVIDER = new BouncyCastleProvider();
  }

  private PemKeyLoader() {}

  static LocalSigningKey load(String text, char[] passphrase, String source) {
    Object object = readKeyObject(text, source);
    if (object instanceof PEMKeyPair pair) {
      return convert(pair.getPrivateKeyInfo(), source);
    }
    if (object instanceof PrivateKeyInfo info) {
      return convert(info, source);
    }
    if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
      if (passphrase == null) {
        throw KeyErrors.needsPassphrase(source);
      }
      try {
        PrivateKeyInfo info = decrypt(object, passphrase);
        return KeyMaterial.toSigningKey(info, source);
      } catch (KeyException e) {
        throw e;
      } catch (Exception e) {
        // A wrong passphrase usually fails the padding check, but now and then it yields padding
        // that passes and bytes that are no key: both end here.
        throw KeyErrors.wrongPassphrase(source, e);
      }
    }
    if (object instanceof SubjectPublicKeyInfo || object instanceof X509CertificateHolder) {
      throw KeyErrors.notAKey(source, "it holds a public key or a certificate");
    }
    throw KeyErrors.notAKey(source, "its PEM block holds no private key");
  }

  private static PrivateKeyInfo decrypt(Object encrypted, char[] passphrase) throws Exception {
    if (encrypted instanceof PEMEncryptedKeyPair legacy) {
      return legacy
          .decryptKeyPair(
              new JcePEMDecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(passphrase))
          .getPrivateKeyInfo();
    }
    return ((PKCS8EncryptedPrivateKeyInfo) encrypted)
        .decryptPrivateKeyInfo(
            new JceOpenSSLPKCS8DecryptorProviderBuilder()
                .setProvider(Bc.PROVIDER)
                .build(passphrase));
  }

  /**
   * Returns the first PEM object that is not curve parameters ({@code openssl ecparam} adds them).
   */
  private static Object readKeyObject(String text, String source) {
    try (PEMParser parser = new PEMParser(new StringReader(text))) {
      Object object = parser.readObject();
      while (object instanceof ASN1ObjectIdentifier || object instanceof X9ECParameters) {
        object = parser.readObject();
      }
      if (object == null) {
        throw KeyErrors.damaged(source, "no complete PEM block was found", null);
      }
      return object;
    } catch (KeyException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw KeyErrors.damaged(source, "its PEM block does not decode", e);
    }
  }

  private static LocalSigningKey convert(PrivateKeyInfo info, String source) {
    try {
      return KeyMaterial.toSigningKey(info, source);
    } catch (KeyException e) {
      throw e;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw KeyErrors.damaged(source, "its key structure does not decode", e);
    }
  }
}
