package org.tritondatacenter.origin.manta;

import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How {@link MantaClient#putObject} stores an object: content type, number of copies, user
 * metadata, an MD5 the caller already knows, and whether missing parent directories are created.
 * Immutable; start from {@link #defaults()} or {@link #builder()}.
 */
public final class PutOptions {
  /** The number of copies Manta keeps when not told otherwise. */
  public static final int DEFAULT_DURABILITY_LEVEL = 2;

  /** Manta caps all request headers together at 4 KiB; user metadata must fit well inside. */
  static final int MAX_METADATA_BYTES = 4096;

  private static final Pattern CONTENT_TYPE =
      Pattern.compile("[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+(\\s*;\\s*[\\x20-\\x7e]*)?");
  private static final Pattern METADATA_NAME = Pattern.compile("m-[A-Za-z0-9!#$%&'*+.^_`|~-]+");

  private final String contentType;
  private final int durabilityLevel;
  private final String contentMd5;
  private final Map<String, String> metadata;
  private final boolean mkdirs;
  private final long maxContentLength;
  private final boolean expectContinue;

  private PutOptions(Builder b) {
    this.contentType = b.contentType;
    this.durabilityLevel = b.durabilityLevel;
    this.contentMd5 = b.contentMd5;
    this.metadata = Map.copyOf(b.metadata);
    this.mkdirs = b.mkdirs;
    this.maxContentLength = b.maxContentLength;
    this.expectContinue = b.expectContinue;
  }

  /** Returns the defaults: {@code application/octet-stream}, 2 copies, no metadata, no mkdirs. */
  public static PutOptions defaults() {
    return builder().build();
  }

  /** Returns a builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the content type stored with the object. */
  public String contentType() {
    return contentType;
  }

  /** Returns the number of copies, sent as {@code durability-level}. */
  public int durabilityLevel() {
    return durabilityLevel;
  }

  /** Returns the base64 MD5 sent as {@code content-md5}, or null when the caller knows none. */
  public String contentMd5() {
    return contentMd5;
  }

  /** Returns the {@code m-*} headers, names in lower case. */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** Returns true when a missing parent directory is created and the upload tried once more. */
  public boolean mkdirs() {
    return mkdirs;
  }

  /** Returns the {@code max-content-length} for a source of unknown size, or -1 for none. */
  public long maxContentLength() {
    return maxContentLength;
  }

  /**
   * Returns true when the upload asks for {@code 100 Continue} first, so Manta can refuse (a
   * missing directory, a bad signature) before any body byte is sent.
   */
  public boolean expectContinue() {
    return expectContinue;
  }

  /** Builds {@link PutOptions}; every setter checks its value and names it when it is wrong. */
  public static final class Builder {
    private String contentType = "application/octet-stream";
    private int durabilityLevel = DEFAULT_DURABILITY_LEVEL;
    private String contentMd5;
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private boolean mkdirs;
    private long maxContentLength = -1;
    private boolean expectContinue = true;

    private Builder() {}

    /** Sets the stored content type, such as {@code application/gzip}. */
    public Builder contentType(String contentType) {
      Objects.requireNonNull(contentType, "contentType == null");
      if (!CONTENT_TYPE.matcher(contentType).matches()) {
        throw new IllegalArgumentException(
            "The content type '"
                + MantaPath.printable(contentType)
                + "' is not of the form type/subtype, such as application/octet-stream.");
      }
      this.contentType = contentType;
      return this;
    }

    /** Sets the number of copies Manta keeps, 1 to 9 (default 2). */
    public Builder durabilityLevel(int copies) {
      if (copies < 1 || copies > 9) {
        throw new IllegalArgumentException(
            "The durability level " + copies + " is out of range; Manta keeps 1 to 9 copies.");
      }
      this.durabilityLevel = copies;
      return this;
    }

    /**
     * Sends the object's MD5 as {@code content-md5}, so Manta refuses the upload ({@code
     * ContentMD5Mismatch}) if the bytes differ. Takes base64 or 32 hex digits.
     */
    public Builder contentMd5(String md5) {
      Objects.requireNonNull(md5, "md5 == null");
      byte[] digest;
      try {
        digest =
            md5.length() == 32 && md5.chars().allMatch(c -> Character.digit(c, 16) >= 0)
                ? HexFormat.of().parseHex(md5)
                : Base64.getDecoder().decode(md5);
      } catch (IllegalArgumentException e) {
        digest = null;
      }
      if (digest == null || digest.length != 16) {
        throw new IllegalArgumentException(
            "The content MD5 '"
                + MantaPath.printable(md5)
                + "' is neither 32 hex digits nor the base64 of 16 bytes.");
      }
      this.contentMd5 = Base64.getEncoder().encodeToString(digest);
      return this;
    }

    /**
     * Adds a user metadata header, such as {@code m-build-id}. Names start with {@code m-}; values
     * are printable ASCII. All of them together must stay under 4 KiB.
     */
    public Builder metadata(String name, String value) {
      Objects.requireNonNull(name, "metadata name == null");
      Objects.requireNonNull(value, "value of metadata " + name + " == null");
      if (!METADATA_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "The metadata name '"
                + MantaPath.printable(name)
                + "' must start with 'm-' and hold only header-name characters, such as"
                + " m-build-id.");
      }
      if (!value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c <= 0x7e))) {
        throw new IllegalArgumentException(
            "The value of metadata "
                + name
                + " holds a character that is not printable ASCII; encode it first.");
      }
      metadata.put(name.toLowerCase(Locale.ROOT), value);
      int bytes =
          metadata.entrySet().stream()
              .mapToInt(e -> e.getKey().length() + e.getValue().length() + 4)
              .sum();
      if (bytes > MAX_METADATA_BYTES) {
        metadata.remove(name.toLowerCase(Locale.ROOT));
        throw new IllegalArgumentException(
            "The metadata headers would take "
                + bytes
                + " bytes with "
                + name
                + "; Manta allows 4 KiB for all headers together.");
      }
      return this;
    }

    /**
     * Creates missing parent directories and tries once more when Manta answers {@code
     * DirectoryDoesNotExist}, as {@code mput -p} does (default off).
     */
    public Builder mkdirs(boolean mkdirs) {
      this.mkdirs = mkdirs;
      return this;
    }

    /**
     * Sets {@code max-content-length}, the most a source of unknown size may send (Manta's own
     * limit applies otherwise).
     */
    public Builder maxContentLength(long bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException(
            "The max content length " + bytes + " is negative; give a byte count.");
      }
      this.maxContentLength = bytes;
      return this;
    }

    /**
     * Sets whether to send {@code Expect: 100-continue} (default on). Turn it off only for a proxy
     * that never answers {@code 100 Continue}.
     */
    public Builder expectContinue(boolean expectContinue) {
      this.expectContinue = expectContinue;
      return this;
    }

    /** Builds the options. */
    public PutOptions build() {
      return new PutOptions(this);
    }
  }
}
