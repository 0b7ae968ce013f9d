package io.jenkins.plugins.tritonorigin;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.sf.json.JSONArray;
import net.sf.json.JSONNull;
import net.sf.json.JSONObject;

/**
 * Form binding for the parameters the steps declare as {@code Object}: the lists ({@code only},
 * {@code uuids}, {@code channels}), the flags and the whole numbers. They are {@code Object} so
 * that a Pipeline's value reaches core as written, a comma-separated string for a list or {@code
 * 'yes'} for a flag, and core's step contract accepts it or names what is wrong; structs would
 * otherwise turn any string into {@code false} for a {@code boolean}, and fail with a {@code
 * ClassCastException} for an {@code Integer}. Stapler cannot bind {@code Object} from a form, so
 * the descriptors take these values out of the form and set them themselves.
 */
final class FormValues {
  private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]{1,9}");

  private FormValues() {}

  /** Returns a copy of {@code form} without {@code keys}, for Stapler to bind the rest. */
  static JSONObject without(JSONObject form, String... keys) {
    JSONObject rest = new JSONObject();
    rest.putAll(form);
    for (String key : keys) {
      rest.remove(key);
    }
    return rest;
  }

  /** Returns a list parameter's form value: text as typed, a list, or null when empty. */
  static Object list(JSONObject form, String key) {
    Object value = form.opt(key);
    if (value == null || value instanceof JSONNull) {
      return null;
    }
    if (value instanceof JSONArray array) {
      List<String> list = new ArrayList<>(array.size());
      for (int i = 0; i < array.size(); i++) {
        list.add(array.getString(i));
      }
      return list;
    }
    return PlainValues.blankToNull(value.toString());
  }

  /**
   * Returns a flag's form value: the checkbox's boolean, or null when the form has none. Any other
   * value is returned as text, for core to reject by name.
   */
  static Object flag(JSONObject form, String key) {
    Object value = form.opt(key);
    if (value == null || value instanceof JSONNull) {
      return null;
    }
    if (value instanceof Boolean) {
      return value;
    }
    return PlainValues.blankToNull(value.toString());
  }

  /**
   * Returns a whole number's form value: an {@link Integer} for the digits a number field sends,
   * null when it is empty, and anything else as typed, for core to reject by name.
   */
  static Object number(JSONObject form, String key) {
    Object value = form.opt(key);
    if (value == null || value instanceof JSONNull) {
      return null;
    }
    if (value instanceof Number) {
      return value;
    }
    String text = value.toString().strip();
    if (text.isEmpty()) {
      return null;
    }
    return WHOLE_NUMBER.matcher(text).matches() ? Integer.valueOf(text) : text;
  }
}
