package org.tritondatacenter.origin.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.auth.HttpSigner;
import org.tritondatacenter.origin.auth.SigningKey;
import org.tritondatacenter.origin.auth.SshKeys;
import org.tritondatacenter.origin.http.ApiClient;
import org.tritondatacenter.origin.http.Endpoint;
import org.tritondatacenter.origin.http.HttpConfig;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.manta.MantaClient;

/**
 * The signed endpoints a measured client process talks to, built the way a user's client is: the
 * account's key loaded from its file, every request signed with it.
 */
final class ClientConnection {
  private final String account;
  private final SigningKey key;
  private final HttpConfig config = HttpConfig.defaults();

  ClientConnection(String account, Path keyFile) {
    this.account = account;
    this.key = SshKeys.load(keyFile, null);
  }

  Endpoint manta(URI url) {
    HttpSigner signer = HttpSigner.create(Service.MANTA, account, null, key, false);
    return Endpoint.signed(Service.MANTA, url, account, null, signer::authorization);
  }

  Endpoint imgapi(URI url) {
    HttpSigner signer = HttpSigner.create(Service.IMGAPI, account, null, key, false);
    return Endpoint.signed(Service.IMGAPI, url, account, null, signer::authorization);
  }

  MantaClient mantaClient(URI url) {
    return MantaClient.create(manta(url), config);
  }

  ImgapiClient imgapiClient(URI url) {
    return ImgapiClient.create(imgapi(url), config);
  }

  /** Returns a bare client of the Manta endpoint, for uploads with the digests switched off. */
  ApiClient rawManta(URI url) {
    return ApiClient.create(manta(url), config);
  }

  /** Returns a bare client of the IMGAPI endpoint with the headers ImgapiClient sends. */
  ApiClient rawImgapi(URI url) {
    return ApiClient.create(
        imgapi(url), config, Map.of("Accept-Version", ImgapiClient.ACCEPT_VERSION));
  }

  String account() {
    return account;
  }
}
