package io.jenkins.plugins.tritonorigin;

import hudson.AbortException;
import hudson.FilePath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Turns the workspace paths among a step's arguments into what core takes: the images file's text,
 * or absolute paths on the node. Core never sees the workspace.
 */
final class WorkspaceFiles {
  /** The images file read when a build names neither {@code images} nor {@code imagesJson}. */
  static final String DEFAULT_IMAGES = "images.json";

  private WorkspaceFiles() {}

  /**
   * Replaces {@code images}, a workspace path, by {@code imagesJson}, the file's text. Arguments
   * that already hold {@code imagesJson} are left as they are.
   *
   * @return the workspace path read, which core names the file by in messages, or null when the
   *     arguments did not change
   * @throws AbortException when both are given, there is no workspace, or the file is missing
   */
  static String readImages(Map<String, Object> arguments, FilePath workspace, BuildLog log)
      throws IOException, InterruptedException {
    if (arguments.containsKey("imagesJson")) {
      if (arguments.containsKey("images")) {
        throw new AbortException(
            "tritonOriginBuild: give either images (a workspace path) or imagesJson (the file's"
                + " text), not both");
      }
      return null;
    }
    Object named = arguments.get("images");
    String path = named == null ? DEFAULT_IMAGES : named.toString();
    if (workspace == null) {
      throw new AbortException(
          "tritonOriginBuild reads "
              + path
              + " from the workspace, so it must run inside node { }; outside one, pass"
              + " imagesJson: readFile('"
              + path
              + "') from a node instead");
    }
    FilePath file = workspace.child(path);
    if (!file.exists()) {
      throw new AbortException(
          "tritonOriginBuild: "
              + path
              + " does not exist in the workspace "
              + workspace.getRemote()
              + "; check out the repository first, or give its path as images");
    }
    String text;
    try (InputStream in = file.read()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    arguments.remove("images");
    arguments.put("imagesJson", text);
    log.info("read " + path + " from the workspace");
    return path;
  }

  /**
   * Makes the relative paths among {@code names} absolute within the workspace, so they name the
   * same files wherever core runs. Absolute paths, Manta paths included, are left as they are.
   *
   * @return true when the arguments changed
   * @throws AbortException when a relative path is given outside {@code node { }}
   */
  static boolean resolvePaths(Map<String, Object> arguments, FilePath workspace, String... names)
      throws AbortException {
    boolean changed = false;
    for (String name : names) {
      Object value = arguments.get(name);
      if (value == null || value.toString().startsWith("/")) {
        continue;
      }
      if (workspace == null) {
        throw new AbortException(
            "imgadmPublish: "
                + name
                + " '"
                + value
                + "' is a workspace path, so the step must run inside node { }; or give an"
                + " absolute path");
      }
      arguments.put(name, workspace.child(value.toString()).getRemote());
      changed = true;
    }
    return changed;
  }
}
