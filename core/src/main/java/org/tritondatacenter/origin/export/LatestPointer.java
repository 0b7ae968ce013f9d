package org.tritondatacenter.origin.export;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.flow.Task;

/**
 * Writes {@code <branch>-latest} last, as a small object whose content is the build directory's
 * path (snaplinks are gone in mantav2), unless it already names a newer build of the branch: a slow
 * or resumed export never moves the pointer back.
 */
final class LatestPointer implements Task<ExportJob> {
  static final String WRITTEN = "written";
  static final String LEFT = "left";

  private static final Pattern TIMESTAMP = Pattern.compile("([0-9]{8}T[0-9]{6}Z)[^/]*/?\\s*$");

  @Override
  public String name() {
    return "write " + "latest pointer";
  }

  @Override
  public void run(ExportJob job) {
    if (job.progress.current().latest() != null) {
      return;
    }
    Optional<String> existing = job.read(job.layout.latest());
    Optional<String> named = existing.flatMap(LatestPointer::timestamp);
    if (named.isPresent() && named.get().compareTo(job.build.timestamp()) > 0) {
      job.listener.on(
          new Event.Warning(
              job.layout.latest()
                  + " already names the newer build "
                  + existing.get().trim()
                  + ", so it is left as it is"));
      job.progress.update(r -> r.withLatest(LEFT));
      return;
    }
    job.put(job.layout.latest(), job.layout.dir() + "\n", "text/plain");
    job.listener.on(new Event.Info(job.layout.latest() + " now names " + job.layout.dir()));
    job.progress.update(r -> r.withLatest(WRITTEN));
  }

  /** Returns the build time a pointer's content names, such as {@code 20250116T175211Z}. */
  static Optional<String> timestamp(String content) {
    Matcher m = TIMESTAMP.matcher(content.trim());
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
