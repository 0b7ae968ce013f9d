package org.tritondatacenter.origin.imgapi;

/**
 * The IMGAPI error codes a caller acts on, as {@link
 * org.tritondatacenter.origin.TritonApiException#errorCode()} carries them; test with {@code
 * e.hasCode(ImgapiErrors.IMAGE_UUID_ALREADY_EXISTS)}.
 */
public final class ImgapiErrors {
  /** 409 from AdminImportImage: the uuid exists already, in some channel; resume instead. */
  public static final String IMAGE_UUID_ALREADY_EXISTS = "ImageUuidAlreadyExists";

  /** 422 from ActivateImage: already active; treat as done after checking the state. */
  public static final String IMAGE_ALREADY_ACTIVATED = "ImageAlreadyActivated";

  /** 422 from ActivateImage: no file was added yet. */
  public static final String NO_ACTIVATION_NO_FILE = "NoActivationNoFile";

  /** 422 from AdminImportImage: the {@code origin} image is not on the server. */
  public static final String ORIGIN_DOES_NOT_EXIST = "OriginDoesNotExist";

  /** 422 from AddImageFile: the image is active, so its file can no longer change. */
  public static final String IMAGE_FILES_IMMUTABLE = "ImageFilesImmutable";

  /** 422: a bad manifest, an unknown channel or the wrong {@code public} for the server. */
  public static final String VALIDATION_FAILED = "ValidationFailed";

  /** 422: a bad parameter, such as extra manifest fields or a uuid mismatch. */
  public static final String INVALID_PARAMETER = "InvalidParameter";

  /** 404: no such image, or not in the channel asked for. */
  public static final String RESOURCE_NOT_FOUND = "ResourceNotFound";

  /** 400: the file was empty, its SHA-1 or length did not match, or a URL could not be fetched. */
  public static final String DOWNLOAD = "Download";

  /** 400: the file is larger than the server allows (20 GiB). */
  public static final String UPLOAD = "Upload";

  /** 422 from DeleteImage: another image in the channel has this one as origin. */
  public static final String IMAGE_HAS_DEPENDENT_IMAGES = "ImageHasDependentImages";

  private ImgapiErrors() {}
}
