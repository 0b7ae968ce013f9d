package io.jenkins.plugins.tritonorigin;

import java.util.ArrayList;
import java.util.List;
import net.sf.json.JSONArray;
import net.sf.json.JSONNull;
import net.sf.json.JSONObject;

/**
 * Form binding for the list parameters ({@code only}, {@code uuids}, {@code channels}). They are
 * declared as {@code Object} so a Pipeline may pass a list or a comma-separated string, and core
 * coerces either; Stapler cannot bind {@code Object} from a form, so the descriptors take these
 * values out of the form and set them themselves.
 */
final class FormLists {
  private FormLists() {}

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
  static Object value(JSONObject form, String key) {
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
}
