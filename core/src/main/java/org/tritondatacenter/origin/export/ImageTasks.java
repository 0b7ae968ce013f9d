package org.tritondatacenter.origin.export;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.cloudapi.ExportedImage;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.export.ExportRecord.ImageProgress;
import org.tritondatacenter.origin.export.ExportRecord.Phase;
import org.tritondatacenter.origin.flow.Task;
import org.tritondatacenter.origin.http.Json;
import org.tritondatacenter.origin.imgapi.ImageManifest;
import org.tritondatacenter.origin.manta.MantaObject;
import org.tritondatacenter.origin.manta.MantaPath;
import org.tritondatacenter.origin.steps.BuildResult;

/** The tasks of one image: export it, rewrite its manifest, upload its package list and audit. */
final class ImageTasks {
  private ImageTasks() {}

  static List<Task<ExportJob>> of(BuildResult.Image image) {
    return List.of(new ExportTask(image), new RewriteTask(image), new ExtrasTask(image));
  }

  private static boolean done(ExportJob job, BuildResult.Image image, Phase phase) {
    return job.progress.image(image.uuid()).map(p -> p.phase().compareTo(phase) >= 0).orElse(false);
  }

  private static ImageProgress progress(ExportJob job, BuildResult.Image image) {
    return job.progress
        .image(image.uuid())
        .orElseThrow(() -> new IllegalStateException("image " + image.uuid() + " not exported"));
  }

  /** CloudAPI ExportImage into the build directory, then the file's MD5 from Manta. */
  private record ExportTask(BuildResult.Image image) implements Task<ExportJob> {
    @Override
    public String name() {
      return "export " + image.name();
    }

    @Override
    public void run(ExportJob job) {
      if (done(job, image, Phase.EXPORTED)) {
        return;
      }
      // Saved first: from here on objects may appear, and cleanup must know to look for them.
      ImageProgress exporting =
          new ImageProgress(image.name(), image.version(), Phase.EXPORTING, null, null, null);
      job.progress.update(r -> r.withImage(image.uuid(), exporting));
      job.listener.on(
          new Event.Info(
              "exporting image "
                  + image.uuid()
                  + " ("
                  + image.name()
                  + ") to "
                  + job.layout.dir()));
      ExportedImage exported = job.cloudapi.exportImage(image.uuid(), job.layout.dir().toString());
      MantaPath manifest = inDir(job, exported.manifestPath(), job.layout.manifest(image));
      MantaPath file = inDir(job, exported.imagePath(), job.layout.file(image));
      MantaObject object = job.manta.head(file);
      if (object.md5Hex() == null) {
        throw new TritonIoException(
            "Manta reports no content-md5 for the exported image file " + file);
      }
      ImageProgress progress =
          new ImageProgress(
              image.name(),
              image.version(),
              Phase.EXPORTED,
              manifest.toString(),
              file.toString(),
              object.md5Hex());
      job.progress.update(r -> r.withImage(image.uuid(), progress));
    }

    /** Takes the path ExportImage reports, which must lie in the build directory. */
    private static MantaPath inDir(ExportJob job, String reported, MantaPath expected) {
      if (reported == null) {
        return expected;
      }
      MantaPath path = job.manta.path(reported);
      if (!path.parent().equals(job.layout.dir())) {
        throw new TritonException(
            "ExportImage wrote "
                + reported
                + ", outside the build directory "
                + job.layout.dir()
                + "; the directory must exist before the export");
      }
      return path;
    }
  }

  /**
   * Rewrites the exported manifest for a private image server: {@code min_platform} from the origin
   * (the build changed no platform-dependent binaries, so the build machine's platform must not
   * raise the requirement), the zero owner, and {@code public: false}.
   */
  private record RewriteTask(BuildResult.Image image) implements Task<ExportJob> {
    @Override
    public String name() {
      return "rewrite manifest of " + image.name();
    }

    @Override
    public void run(ExportJob job) throws Exception {
      if (done(job, image, Phase.REWRITTEN)) {
        return;
      }
      ImageProgress progress = progress(job, image);
      MantaPath path = job.manta.path(progress.manifest());
      String text =
          job.read(path)
              .orElseThrow(() -> new TritonException("the exported manifest " + path + " is gone"));
      ImageManifest manifest;
      try {
        manifest = ImageManifest.parse(text, path.toString());
      } catch (IllegalArgumentException e) {
        throw new TritonException(e.getMessage(), e);
      }
      Optional<Map<String, String>> origin = job.origins.minPlatform(image.origin(), job.listener);
      if (origin.isPresent()) {
        manifest = manifest.withMinPlatform(origin.get());
      } else {
        job.listener.on(
            new Event.Warning(
                "no image server has the origin "
                    + image.origin()
                    + " with a min_platform, so the manifest of "
                    + image.name()
                    + " keeps "
                    + manifest.minPlatform()
                    + "; configure an IMGAPI that holds the origin"));
      }
      ImageManifest rewritten = manifest.withOwner(ImageManifest.ZERO_UUID).withPublic(false);
      String json =
          Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(rewritten.toTree());
      job.put(path, json + "\n", "application/json");
      job.progress.update(r -> r.withImage(image.uuid(), progress.at(Phase.REWRITTEN)));
    }
  }

  /** Uploads {@code <name>-<version>.pkgs.txt} and, when an audit ran, {@code .pkgaudit}. */
  private record ExtrasTask(BuildResult.Image image) implements Task<ExportJob> {
    @Override
    public String name() {
      return "upload package list of " + image.name();
    }

    @Override
    public void run(ExportJob job) {
      if (done(job, image, Phase.EXTRAS)) {
        return;
      }
      ImageProgress progress = progress(job, image);
      StringBuilder pkgs = new StringBuilder();
      image.pkgs().forEach(p -> pkgs.append(p).append('\n'));
      job.put(job.layout.packages(image), pkgs.toString(), "text/plain");
      if (image.audit() != null) {
        String audit = image.audit().endsWith("\n") ? image.audit() : image.audit() + "\n";
        job.put(job.layout.audit(image), audit, "text/plain");
      }
      job.progress.update(r -> r.withImage(image.uuid(), progress.at(Phase.EXTRAS)));
    }
  }
}
