package org.tritondatacenter.origin.publish;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.tritondatacenter.origin.http.ByteSource;

/**
 * Where an image file is read from: bytes that can be opened again for a retry, and, for a file in
 * Manta, a way to make a fresh signed URL that IMGAPI can fetch itself.
 *
 * <p>A signed URL is a credential: it is made just before use, handed to IMGAPI only, and never
 * logged, recorded or kept.
 */
public final class ImageFileSource {
  private final ByteSource bytes;
  private final Function<Duration, URI> urlSigner;
  private final boolean urlPreferred;

  private ImageFileSource(
      ByteSource bytes, Function<Duration, URI> urlSigner, boolean urlPreferred) {
    this.bytes = Objects.requireNonNull(bytes, "bytes == null");
    this.urlSigner = urlSigner;
    this.urlPreferred = urlPreferred;
  }

  /** Returns a source that can only be streamed, such as a local file or another IMGAPI's file. */
  public static ImageFileSource streamOnly(ByteSource bytes) {
    return new ImageFileSource(bytes, null, false);
  }

  /**
   * Returns a source that can also be fetched by URL.
   *
   * @param urlSigner makes a signed URL valid for the given time; called once per use
   * @param urlPreferred true when {@code auto} should hand IMGAPI the URL (an https Manta)
   */
  public static ImageFileSource withUrl(
      ByteSource bytes, Function<Duration, URI> urlSigner, boolean urlPreferred) {
    return new ImageFileSource(
        bytes, Objects.requireNonNull(urlSigner, "urlSigner == null"), urlPreferred);
  }

  /** Returns the bytes; each {@link ByteSource#open()} starts a new read from the first byte. */
  public ByteSource bytes() {
    return bytes;
  }

  /** Returns true when a signed URL can be made. */
  public boolean hasUrl() {
    return urlSigner != null;
  }

  /** Returns true when {@link FileSourceMode#AUTO} should use the URL. */
  public boolean urlPreferred() {
    return urlSigner != null && urlPreferred;
  }

  /** Returns a fresh signed URL valid for {@code validFor}, or empty when there is none. */
  Optional<URI> signUrl(Duration validFor) {
    return urlSigner == null ? Optional.empty() : Optional.of(urlSigner.apply(validFor));
  }

  /** Describes the file, such as its Manta path; never a URL with a signature. */
  public String describe() {
    return bytes.describe();
  }

  @Override
  public String toString() {
    return "ImageFileSource[" + describe() + (urlSigner == null ? "" : ", signed URL") + "]";
  }
}
