package org.tritondatacenter.origin.export;

import org.tritondatacenter.origin.manta.MantaPath;
import org.tritondatacenter.origin.steps.BuildResult;

/**
 * The names of an export in Manta: the build directory, the {@code <branch>-latest} pointer beside
 * it, and the objects inside, named as CloudAPI's ExportImage names an image's manifest and file.
 *
 * @param dir the build directory
 * @param latest the pointer object, in the directory's parent
 */
record ExportLayout(MantaPath dir, MantaPath latest) {
  static final String BUILDINFO = "buildinfo.json";
  static final String MD5SUMS = "md5sums.txt";

  /**
   * Returns the layout of {@code build}: {@code settings.path()}, or {@code
   * /<login>/public/builds/<project>/<branch>-<timestamp>}.
   */
  static ExportLayout of(String login, BuildResult build, ExportSettings settings) {
    MantaPath dir =
        settings.path() != null
            ? MantaPath.of(login, settings.path())
            : MantaPath.of(
                login,
                "/"
                    + login
                    + "/public/builds/"
                    + settings.project()
                    + "/"
                    + build.branch()
                    + "-"
                    + build.timestamp());
    if (dir.isTop()) {
      throw new IllegalArgumentException(
          "the export path " + dir + " is a top-level directory; give a directory below it");
    }
    return new ExportLayout(dir, dir.parent().resolve(build.branch() + "-latest"));
  }

  static String base(BuildResult.Image image) {
    return image.name() + "-" + image.version();
  }

  MantaPath manifest(BuildResult.Image image) {
    return dir.resolve(base(image) + ".imgmanifest");
  }

  /** Returns where ExportImage puts the file of a gzip image, as CloudAPI's images are. */
  MantaPath file(BuildResult.Image image) {
    return dir.resolve(base(image) + ".zfs.gz");
  }

  MantaPath packages(BuildResult.Image image) {
    return dir.resolve(base(image) + ".pkgs.txt");
  }

  MantaPath audit(BuildResult.Image image) {
    return dir.resolve(base(image) + ".pkgaudit");
  }

  MantaPath buildinfo() {
    return dir.resolve(BUILDINFO);
  }

  MantaPath md5sums() {
    return dir.resolve(MD5SUMS);
  }
}
