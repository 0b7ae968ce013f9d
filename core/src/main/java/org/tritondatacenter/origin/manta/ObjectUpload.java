package org.tritondatacenter.origin.manta;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.http.ApiClient;
import org.tritondatacenter.origin.http.ApiRequest;
import org.tritondatacenter.origin.http.ApiResponse;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.http.DigestAlgorithm;
import org.tritondatacenter.origin.http.Digests;

/**
 * One PutObject: streams the source once per attempt while hashing it, then checks the MD5 Manta
 * computed against the one computed while sending. A retry (done by the HTTP layer) reopens the
 * source and hashes afresh, so the check always covers the attempt that was stored.
 */
final class ObjectUpload {
  private ObjectUpload() {}

  static PutObjectResult put(
      MantaClient client, ApiClient api, MantaPath path, ByteSource source, PutOptions options) {
    try {
      return putOnce(api, path, source, options);
    } catch (TritonApiException e) {
      if (!options.mkdirs() || !e.hasCode("DirectoryDoesNotExist")) {
        throw MantaErrors.forWrite(e, path);
      }
    }
    // As node-manta's put with mkdirs: create the parents only once the server said they are
    // missing, then try exactly once more.
    api.config()
        .listener()
        .on(new Event.Info("Manta: " + path.parent() + " does not exist; creating it"));
    client.mkdirp(path.parent());
    try {
      return putOnce(api, path, source, options);
    } catch (TritonApiException e) {
      throw MantaErrors.forWrite(e, path);
    }
  }

  private static PutObjectResult putOnce(
      ApiClient api, MantaPath path, ByteSource source, PutOptions options) {
    ApiRequest.Builder request =
        ApiRequest.put("PutObject")
            .path(path.requestSegments())
            .header("Durability-Level", Integer.toString(options.durabilityLevel()))
            .body(source, options.contentType())
            .digests(DigestAlgorithm.MD5);
    if (options.expectContinue()) {
      // Manta then refuses a missing directory or a bad signature before any byte is sent.
      request.header("Expect", "100-continue");
    }
    if (options.contentMd5() != null) {
      request.header("Content-MD5", options.contentMd5());
    }
    if (options.maxContentLength() >= 0) {
      request.header("Max-Content-Length", Long.toString(options.maxContentLength()));
    }
    for (Map.Entry<String, String> m : options.metadata().entrySet()) {
      request.header(m.getKey(), m.getValue());
    }
    try (ApiResponse response = api.open(request.build())) {
      return verify(path, source, response);
    }
  }

  private static PutObjectResult verify(MantaPath path, ByteSource source, ApiResponse response) {
    Digests sent = response.sent();
    if (sent == null) {
      throw new TritonIoException(
          "Manta PutObject of "
              + path
              + ": the server answered HTTP "
              + response.status()
              + " before it received all of "
              + source.describe()
              + ", so the upload cannot be verified; upload it again.");
    }
    String computed = MantaHeaders.emptyToNull(response.header("computed-md5"));
    if (computed == null) {
      // Without the server's digest nothing proves the stored bytes are the sent ones.
      throw new TritonIoException(
          "Manta PutObject of "
              + path
              + ": the answer carried no computed-md5, so the "
              + sent.bytes()
              + " bytes sent from "
              + source.describe()
              + " (MD5 "
              + sent.md5Base64()
              + ") cannot be verified as stored; check that the URL points at Manta and upload"
              + " it again.");
    }
    if (!Arrays.equals(decode(computed), sent.md5())) {
      throw new TritonIoException(
          "Manta PutObject of "
              + path
              + ": Manta computed MD5 "
              + computed
              + describeHex(computed)
              + " for what it stored, but the "
              + sent.bytes()
              + " bytes sent from "
              + source.describe()
              + " have MD5 "
              + sent.md5Base64()
              + " (hex "
              + sent.md5Hex()
              + "); the stored object is not the source, upload it again.");
    }
    return new PutObjectResult(
        path,
        MantaHeaders.emptyToNull(response.header("Etag")),
        sent.md5Hex(),
        sent.md5Base64(),
        sent.bytes());
  }

  private static byte[] decode(String base64) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }

  private static String describeHex(String base64) {
    byte[] bytes = decode(base64);
    return bytes.length == 0 ? " (not base64)" : " (hex " + HexFormat.of().formatHex(bytes) + ")";
  }
}
