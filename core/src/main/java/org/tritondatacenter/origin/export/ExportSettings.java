package org.tritondatacenter.origin.export;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where and how to export.
 *
 * @param project the directory under {@code /<account>/public/builds/}, used when {@code path} is
 *     null
 * @param path the build directory to export into, or null for {@code
 *     /<account>/public/builds/<project>/<branch>-<timestamp>}
 * @param deleteImages delete the datacenter images once the export is complete
 */
public record ExportSettings(String project, String path, boolean deleteImages) {
  /** The project directory the original build used. */
  public static final String DEFAULT_PROJECT = "triton-origin-image";

  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9._-]+");

  /**
   * Checks the project name.
   *
   * @throws IllegalArgumentException when neither is given or the project is not a single word
   */
  public ExportSettings {
    if (path == null) {
      Objects.requireNonNull(project, "project == null when path == null");
      if (!WORD.matcher(project).matches() || project.equals(".") || project.equals("..")) {
        throw new IllegalArgumentException(
            "project '"
                + project
                + "' must be one directory name of letters, digits, '.', '_' and '-'");
      }
    }
  }

  /** Returns settings for the default builds layout of {@code project}. */
  public static ExportSettings ofProject(String project, boolean deleteImages) {
    return new ExportSettings(project, null, deleteImages);
  }
}
