package org.tritondatacenter.origin.imgapi;

import java.util.Map;

/**
 * Why an image is {@code failed}: its {@code error} object.
 *
 * @param code the error code, or null
 * @param message what went wrong, or null
 */
public record ImageError(String code, String message) {

  static ImageError from(Map<String, Object> error) {
    if (error == null) {
      return null;
    }
    return new ImageError(text(error.get("code")), text(error.get("message")));
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}
