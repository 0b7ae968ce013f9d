package org.tritondatacenter.origin.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.export.ExportRecord.ImageProgress;
import org.tritondatacenter.origin.flow.Cleanup;
import org.tritondatacenter.origin.flow.Task;
import org.tritondatacenter.origin.http.Json;
import org.tritondatacenter.origin.manta.DirectoryEntry;
import org.tritondatacenter.origin.manta.MantaObject;
import org.tritondatacenter.origin.manta.MantaPath;
import org.tritondatacenter.origin.steps.BuildResult;

/** The tasks of the build directory as a whole: create it, describe it, list its checksums. */
final class DirectoryTasks {
  private DirectoryTasks() {}

  /**
   * Creates the build directory. Its cleanup removes everything the export wrote when the export
   * failed before the latest pointer named the directory, so no half-written build stays behind.
   */
  static final class Mkdirp implements Task<ExportJob> {
    @Override
    public String name() {
      return "mkdirp";
    }

    @Override
    public void run(ExportJob job) {
      MantaPath dir = job.layout.dir();
      if (job.progress.current().dirCreated() == null) {
        // Saved before creating, so cleanup after a crash knows whose directory it is.
        boolean existed = exists(job, dir);
        job.progress.update(r -> r.withDirCreated(!existed));
      }
      // Every level is put again on a resume: cheap, idempotent, and sure to leave it there.
      job.manta.mkdirp(dir);
    }

    private static boolean exists(ExportJob job, MantaPath dir) {
      try {
        job.manta.head(dir);
        return true;
      } catch (TritonApiException e) {
        if (e.isNotFound()) {
          return false;
        }
        throw e;
      }
    }

    @Override
    public void cleanup(ExportJob job, Cleanup cleanup) {
      if (cleanup.succeeded() || job.progress.current().latest() != null) {
        return;
      }
      boolean complete = deleteObjects(job, cleanup, written(job));
      if (complete && Boolean.TRUE.equals(job.progress.current().dirCreated())) {
        MantaPath dir = job.layout.dir();
        try {
          if (job.manta.deleteObjectIfExists(dir)) {
            cleanup.removed("delete directory", dir.toString());
          }
        } catch (RuntimeException e) {
          complete = false;
          job.listener.on(new Event.Warning("cannot delete " + dir + ": " + e.getMessage()));
          cleanup.leftBehind("delete directory", dir.toString(), "mrmdir " + dir);
        }
      }
      if (complete) {
        job.progress.reset();
      }
    }

    /**
     * Returns what this export may have written: the objects of every image it started to export,
     * and the directory's own files once any image was started.
     */
    private static List<MantaPath> written(ExportJob job) {
      List<MantaPath> paths = new ArrayList<>();
      for (BuildResult.Image image : job.images) {
        Optional<ImageProgress> progress = job.progress.image(image.uuid());
        if (progress.isEmpty()) {
          continue;
        }
        if (progress.get().manifest() != null) {
          paths.add(job.manta.path(progress.get().manifest()));
          paths.add(job.manta.path(progress.get().file()));
        }
        paths.add(job.layout.manifest(image));
        paths.add(job.layout.file(image));
        paths.add(job.layout.packages(image));
        paths.add(job.layout.audit(image));
      }
      if (!paths.isEmpty()) {
        paths.add(job.layout.buildinfo());
        paths.add(job.layout.md5sums());
      }
      return paths.stream().distinct().toList();
    }

    /** Deletes {@code paths}, going on past failures; returns true when none failed. */
    private static boolean deleteObjects(ExportJob job, Cleanup cleanup, List<MantaPath> paths) {
      boolean complete = true;
      for (MantaPath path : paths) {
        try {
          if (job.manta.deleteObjectIfExists(path)) {
            cleanup.removed("delete object", path.toString());
          }
        } catch (RuntimeException e) {
          if (complete) {
            // One warning with the reason; the same reason usually stops every other delete.
            job.listener.on(new Event.Warning("cannot delete " + path + ": " + e.getMessage()));
          }
          complete = false;
          cleanup.leftBehind("delete object", path.toString(), "mrm " + path);
        }
      }
      return complete;
    }
  }

  /** Writes {@code buildinfo.json}: the build's branch, time, commit, id and images. */
  static final class BuildInfo implements Task<ExportJob> {
    @Override
    public String name() {
      return "write " + ExportLayout.BUILDINFO;
    }

    @Override
    public void run(ExportJob job) throws Exception {
      if (job.progress.current().buildinfo()) {
        return;
      }
      Map<String, Object> info = new LinkedHashMap<>();
      info.put("branch", job.build.branch());
      info.put("timestamp", job.build.timestamp());
      info.put("git", job.build.gitCommit());
      info.put("buildId", job.build.buildId());
      List<Map<String, Object>> images = new ArrayList<>();
      for (BuildResult.Image image : job.images) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", image.name());
        m.put("version", image.version());
        m.put("uuid", image.uuid());
        m.put("origin", image.origin());
        images.add(m);
      }
      info.put("images", images);
      String json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(info);
      job.put(job.layout.buildinfo(), json + "\n", "application/json");
      job.progress.update(ExportRecord::withBuildinfo);
    }
  }

  /**
   * Writes {@code md5sums.txt} in {@code md5sum}'s format for every other object of the directory,
   * each MD5 as Manta stored it ({@code content-md5}); an object without one fails the export
   * rather than going unchecked.
   */
  static final class Md5sums implements Task<ExportJob> {
    @Override
    public String name() {
      return "write " + ExportLayout.MD5SUMS;
    }

    @Override
    public void run(ExportJob job) {
      if (job.progress.current().md5sums()) {
        return;
      }
      MantaPath dir = job.layout.dir();
      Map<String, String> sums = new TreeMap<>();
      for (DirectoryEntry entry : job.manta.listDirectory(dir)) {
        if (entry.isDirectory() || entry.name().equals(ExportLayout.MD5SUMS)) {
          continue;
        }
        MantaObject object = job.manta.head(dir.resolve(entry.name()));
        if (object.md5Hex() == null) {
          throw new TritonIoException(
              "Manta reports no content-md5 for " + object.path() + ", so it cannot be listed");
        }
        sums.put(entry.name(), object.md5Hex());
      }
      StringBuilder text = new StringBuilder();
      sums.forEach((name, md5) -> text.append(md5).append("  ").append(name).append('\n'));
      job.put(job.layout.md5sums(), text.toString(), "text/plain");
      job.progress.update(ExportRecord::withMd5sums);
    }
  }
}
