package org.tritondatacenter.origin.imgapi;

import java.util.ArrayList;
import java.util.List;

/**
 * What AdminImportImage requires of a manifest, checked before sending: IMGAPI would answer 422 for
 * each of these, after the request, and with less to go on.
 */
final class ImportChecks {
  private ImportChecks() {}

  static void check(ImageManifest manifest) {
    String which = "manifest of image " + (manifest.uuid() == null ? "(no uuid)" : manifest.uuid());
    if (!manifest.extraFields().isEmpty()) {
      throw new IllegalArgumentException(
          which
              + " has fields IMGAPI does not accept: "
              + String.join(", ", manifest.extraFields().keySet())
              + ". Remove them (withoutExtraFields()); IMGAPI would answer 422 InvalidParameter");
    }
    List<String> missing = new ArrayList<>();
    if (manifest.v() == null) {
      missing.add("v");
    }
    if (manifest.uuid() == null) {
      missing.add("uuid");
    }
    if (manifest.name() == null) {
      missing.add("name");
    }
    if (manifest.version() == null) {
      missing.add("version");
    }
    if (manifest.type() == null) {
      missing.add("type");
    }
    if (manifest.os() == null) {
      missing.add("os");
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          which + " lacks fields AdminImportImage requires: " + String.join(", ", missing));
    }
    Checks.uuid(manifest.uuid(), which + ": uuid");
  }
}
