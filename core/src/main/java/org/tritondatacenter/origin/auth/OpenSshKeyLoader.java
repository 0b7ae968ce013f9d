package org.tritondatacenter.origin.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.loader.openssh.OpenSSHKeyPairResourceParser;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.tritondatacenter.origin.KeyException;

/**
 * Reads OpenSSH's own private key format ({@code BEGIN OPENSSH PRIVATE KEY}, PROTOCOL.key in the
 * OpenSSH sources).
 *
 * <p>Decryption is left to Apache MINA SSHD, which implements bcrypt-pbkdf; Bouncy Castle does not.
 * The unencrypted header is read here first: it tells whether a passphrase is needed and which key
 * type follows, so those cases get exact messages instead of whatever the library reports.
 */
final class OpenSshKeyLoader {
  static final String BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
  private static final String END = "-----END OPENSSH PRIVATE KEY-----";
  private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

  /** The part of the file that is never encrypted. */
  record Header(String cipher, byte[] publicBlob) {
    boolean encrypted() {
      return !cipher.equals("none");
    }
  }

  private OpenSshKeyLoader() {}

  static LocalSigningKey load(String text, char[] passphrase, String source) {
    Header header = header(text, source);
    String typeName = PublicKeyBlobs.typeName(header.publicBlob());
    if (KeyType.ofSshName(typeName) == null) {
      throw KeyErrors.unsupportedType(source, describeSshType(typeName));
    }
    if (header.encrypted() && passphrase == null) {
      throw KeyErrors.needsPassphrase(source);
    }
    LocalSigningKey key;
    try {
      FilePasswordProvider password =
          passphrase == null
              ? FilePasswordProvider.EMPTY
              : FilePasswordProvider.of(new String(passphrase));
      Collection<KeyPair> pairs =
          OpenSSHKeyPairResourceParser.INSTANCE.loadKeyPairs(
              null, NamedResource.ofName(source), password, List.of(text.split("\n")));
      if (pairs.size() != 1) {
        throw KeyErrors.damaged(source, "it holds " + pairs.size() + " keys instead of one", null);
      }
      byte[] pkcs8 = pairs.iterator().next().getPrivate().getEncoded();
      key = KeyMaterial.toSigningKey(PrivateKeyInfo.getInstance(pkcs8), source);
    } catch (KeyException e) {
      throw e;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      // The check values inside the encrypted part are the only test of a passphrase, so any
      // failure past the header of an encrypted key means the passphrase did not fit.
      throw header.encrypted()
          ? KeyErrors.wrongPassphrase(source, e)
          : KeyErrors.damaged(source, "its private part does not decode", e);
    }
    if (!Arrays.equals(PublicKeyBlobs.encode(key.type(), key.publicKey()), header.publicBlob())) {
      throw KeyErrors.damaged(source, "its public and private halves do not belong together", null);
    }
    return key;
  }

  /** Reads the unencrypted header; throws a {@link KeyException} naming the source if damaged. */
  static Header header(String text, String source) {
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END, begin + BEGIN.length());
    if (begin < 0 || end < 0) {
      throw KeyErrors.damaged(source, "the END OPENSSH PRIVATE KEY line is missing", null);
    }
    byte[] body;
    try {
      body = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end).strip());
    } catch (IllegalArgumentException e) {
      throw KeyErrors.damaged(source, "its base64 body is not valid", null);
    }
    if (body.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(body, MAGIC.length), MAGIC)) {
      throw KeyErrors.damaged(source, "it does not start with the openssh-key-v1 marker", null);
    }
    try {
      WireReader in = new WireReader(Arrays.copyOfRange(body, MAGIC.length, body.length));
      String cipher = in.readUtf8();
      in.readUtf8(); // KDF name
      in.readString(); // KDF options
      long count = in.readUint32();
      if (count != 1) {
        throw KeyErrors.damaged(source, "it holds " + count + " keys instead of one", null);
      }
      return new Header(cipher, in.readString());
    } catch (WireFormatException e) {
      throw KeyErrors.damaged(source, "its header is cut short (" + e.getMessage() + ")", null);
    }
  }

  /** Names an SSH key type for the unsupported-type message. */
  static String describeSshType(String typeName) {
    if (typeName.equals("ssh-dss")) {
      return "DSA";
    }
    if (typeName.startsWith("sk-")) {
      return "FIDO security-key (" + printable(typeName) + ")";
    }
    return printable(typeName);
  }

  private static String printable(String text) {
    String cut = text.length() > 60 ? text.substring(0, 60) + "..." : text;
    return cut.replaceAll("[^\\x21-\\x7e]", "?");
  }
}
