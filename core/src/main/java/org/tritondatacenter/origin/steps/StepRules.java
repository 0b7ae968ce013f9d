package org.tritondatacenter.origin.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules that involve more than one parameter: which source forms publish accepts, how
 * channel-add selects images, and that the maps handed from one step to the next are well formed.
 */
final class StepRules {
  private StepRules() {}

  /**
   * Adds a problem for every rule broken.
   *
   * @param given the coerced values of the parameters given
   * @param present the names given with a value, including values that failed coercion
   */
  static void check(
      Step step, Map<String, Object> given, Set<String> present, List<String> problems) {
    switch (step) {
      case TRITON_ORIGIN_BUILD -> {
        // 'channel' alone means a channel of the default IMGAPI endpoint.
      }
      case MANTA_EXPORT -> export(given, problems);
      case IMGADM_PUBLISH -> publish(given, present, problems);
      case IMGADM_CHANNEL_ADD -> channelAdd(present, problems);
    }
  }

  private static void export(Map<String, Object> given, List<String> problems) {
    if (given.get("build") instanceof Map<?, ?> build) {
      try {
        BuildResult.fromMap(build);
      } catch (ResultMapException e) {
        e.problems()
            .forEach(
                p -> problems.add("'build': " + p + " (pass what tritonOriginBuild returned)"));
      }
    }
  }

  private static void publish(
      Map<String, Object> given, Set<String> present, List<String> problems) {
    List<String> forms = new ArrayList<>();
    if (present.contains("export")) {
      forms.add("'export'");
    }
    if (present.contains("from")) {
      forms.add("'from'");
    }
    pair(present, "manifest", "file", forms, problems);
    pair(present, "sourceImgapi", "uuids", forms, problems);
    if (forms.isEmpty()) {
      problems.add(
          "needs a source: give 'export' (what mantaExport returned), 'from' (a Manta build"
              + " directory), 'manifest' + 'file', or 'sourceImgapi' + 'uuids'");
    } else if (forms.size() > 1) {
      problems.add(
          "give exactly one source, not "
              + String.join(" and ", forms)
              + "; the forms are 'export', 'from', 'manifest' + 'file' and 'sourceImgapi' + 'uuids'");
    }
    if (given.get("export") instanceof Map<?, ?> export) {
      try {
        ExportResult.fromMap(export);
      } catch (ResultMapException e) {
        e.problems()
            .forEach(p -> problems.add("'export': " + p + " (pass what mantaExport returned)"));
      }
    }
  }

  /** Records a two-parameter source form, and a problem when only half of it is given. */
  private static void pair(
      Set<String> present, String a, String b, List<String> forms, List<String> problems) {
    boolean hasA = present.contains(a);
    boolean hasB = present.contains(b);
    if (hasA || hasB) {
      forms.add("'" + a + "' + '" + b + "'");
    }
    if (hasA && !hasB) {
      problems.add("'" + a + "' needs '" + b + "' as well");
    } else if (hasB && !hasA) {
      problems.add("'" + b + "' needs '" + a + "' as well");
    }
  }

  private static void channelAdd(Set<String> present, List<String> problems) {
    boolean uuids = present.contains("uuids");
    boolean name = present.contains("name");
    boolean version = present.contains("version");
    if (uuids && (name || version)) {
      problems.add("select images by 'uuids' or by 'name' + 'version', not both");
    } else if (!uuids && !name && !version) {
      problems.add("needs images: give 'uuids', or 'name' + 'version'");
    } else if (name && !version) {
      problems.add("'name' needs 'version' as well (the exact version to add)");
    } else if (version && !name) {
      problems.add("'version' needs 'name' as well (the image name filter)");
    }
  }
}
