package org.tritondatacenter.origin.imgapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.http.ApiRequest;
import org.tritondatacenter.origin.http.ApiResponse;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.http.DigestAlgorithm;
import org.tritondatacenter.origin.http.Digests;

/** Moves image files: AddImageFile, AddImageFileFromUrl and GetImageFile, each verified. */
final class FileTransfers {
  private static final String OCTET_STREAM = "application/octet-stream";

  private final Calls calls;

  FileTransfers(Calls calls) {
    this.calls = calls;
  }

  Image addImageFile(
      String uuid,
      ByteSource source,
      Compression compression,
      String sha1,
      Long size,
      String channel) {
    String what = "IMGAPI AddImageFile of image " + uuid + " from " + source.describe();
    ByteSource body = sized(source, size, what);
    ApiRequest request =
        ApiRequest.put("AddImageFile")
            .path("images", uuid, "file")
            .query("compression", compression.wireName())
            .query("sha1", sha1)
            .query("channel", channel)
            .body(body, OCTET_STREAM)
            .digests(DigestAlgorithm.SHA1)
            .build();
    Digests sent;
    Image image;
    try (ApiResponse response = calls.open(request)) {
      sent = response.sent();
      image = Calls.toImage(response.decode(JsonNode.class), "AddImageFile");
    }
    if (sent == null) {
      throw new TritonIoException(what + ": the server answered before it had the whole file");
    }
    checkRecorded(image.file(), sent, sha1, what);
    return image;
  }

  /** Compares what IMGAPI recorded with what was sent; a missing value cannot prove anything. */
  private static void checkRecorded(ImageFile recorded, Digests sent, String sha1, String what) {
    if (recorded == null) {
      throw new TritonIoException(what + ": the answer lists no file (files is empty)");
    }
    if (recorded.sha1() == null || recorded.size() == null) {
      throw new TritonIoException(
          what
              + ": the answer's files[0] has no "
              + (recorded.sha1() == null ? "sha1" : "size")
              + ", so the upload cannot be verified");
    }
    if (recorded.size() != sent.bytes()) {
      throw new TritonIoException(
          what
              + ": IMGAPI recorded "
              + recorded.size()
              + " bytes, but "
              + sent.bytes()
              + " bytes were sent");
    }
    if (!recorded.sha1().equalsIgnoreCase(sent.sha1Hex())) {
      throw new TritonIoException(
          what
              + ": IMGAPI recorded SHA-1 "
              + recorded.sha1()
              + ", but the bytes sent have SHA-1 "
              + sent.sha1Hex());
    }
    if (sha1 != null && !sha1.equalsIgnoreCase(sent.sha1Hex())) {
      throw new TritonIoException(
          what + ": the bytes sent have SHA-1 " + sent.sha1Hex() + ", not the expected " + sha1);
    }
  }

  /** Checks the announced size against the source, and gives an unsized source that size. */
  private static ByteSource sized(ByteSource source, Long size, String what) {
    long known = source.size();
    long largest = Math.max(known, size == null ? -1 : size);
    if (largest > ImgapiClient.MAX_FILE_BYTES) {
      throw new IllegalArgumentException(
          what
              + ": the file is "
              + largest
              + " bytes, more than IMGAPI's limit of 20 GiB ("
              + ImgapiClient.MAX_FILE_BYTES
              + " bytes); it would be refused after the whole upload");
    }
    if (size == null) {
      if (known == 0) {
        throw new IllegalArgumentException(what + ": the file is empty; IMGAPI refuses it");
      }
      return source;
    }
    if (size <= 0) {
      throw new IllegalArgumentException(
          what + ": size " + size + " is not positive; IMGAPI refuses an empty file");
    }
    if (known >= 0) {
      if (known != size) {
        throw new IllegalArgumentException(
            what + ": the size given is " + size + " bytes, but the source has " + known);
      }
      return source;
    }
    return new ByteSource() {
      @Override
      public InputStream open() throws IOException {
        return source.open();
      }

      @Override
      public long size() {
        return size;
      }

      @Override
      public String describe() {
        return source.describe();
      }
    };
  }

  Image addImageFileFromUrl(
      String uuid, URI url, Compression compression, String sha1, String channel) {
    ApiRequest request =
        ApiRequest.post("AddImageFileFromUrl")
            .path("images", uuid, "file", "from-url")
            .query("compression", compression.wireName())
            .query("sha1", sha1)
            .query("channel", channel)
            .jsonBody(Map.of("file_url", url.toString()))
            .build();
    try {
      return calls.image(request);
    } catch (TritonApiException e) {
      // IMGAPI's Download errors quote the URL, signature and all.
      TritonApiException redacted =
          new TritonApiException(
              e.service(),
              e.operation(),
              e.httpStatus(),
              e.errorCode(),
              SignedUrls.redact(e.serverMessage(), url),
              e.requestId(),
              e.retryAfter());
      redacted.setStackTrace(e.getStackTrace());
      throw redacted;
    }
  }

  ImageFileStream getImageFile(Image image, String channel) {
    ImageFile expected = image.file();
    String what = "IMGAPI GetImageFile of image " + image.uuid();
    if (expected == null) {
      throw new IllegalArgumentException(
          what + ": the image has no file yet (state " + image.state().wireName() + ")");
    }
    if (!expected.isVerifiable()) {
      throw new IllegalArgumentException(
          what + ": its files[0] lacks the sha1 or size the download is checked against");
    }
    ApiRequest request =
        ApiRequest.get("GetImageFile")
            .path("images", image.uuid(), "file")
            .query("channel", channel)
            .header("Accept", "*/*")
            .build();
    ApiResponse response = calls.open(request);
    long announced = response.contentLength();
    if (announced >= 0 && announced != expected.size()) {
      response.close();
      throw new TritonIoException(
          what
              + ": the server announces "
              + announced
              + " bytes, but the manifest gives files[0].size "
              + expected.size());
    }
    return new ImageFileStream(
        response, expected, what, "IMGAPI image " + image.uuid() + " file", calls.listener());
  }

  /** Returns a source that downloads the file afresh each time it is opened. */
  ByteSource imageFileSource(Image image, String channel) {
    ImageFile expected = image.file();
    if (expected == null || !expected.isVerifiable()) {
      // Fail now rather than on the first open, deep inside an upload.
      throw new IllegalArgumentException(
          "image "
              + image.uuid()
              + " has no file with a known sha1 and size (state "
              + image.state().wireName()
              + "), so it cannot be copied");
    }
    String description = "IMGAPI image " + image.uuid() + " file";
    return new ByteSource() {
      @Override
      public InputStream open() throws IOException {
        try {
          return getImageFile(image, channel);
        } catch (TritonException e) {
          // An upload reading this source reports an IOException as a source failure.
          throw new IOException(e.getMessage(), e);
        }
      }

      @Override
      public long size() {
        return expected.size();
      }

      @Override
      public String describe() {
        return description;
      }
    };
  }
}
