package org.tritondatacenter.origin.export;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.tritondatacenter.origin.export.ExportRecord.ImageProgress;
import org.tritondatacenter.origin.state.RecordKeeper;

/** The export section of the run record, saved after every change. */
final class ExportProgress {
  private final RecordKeeper keeper;
  private ExportRecord current;

  /** Loads the section; one for another directory is replaced by a fresh start. */
  ExportProgress(RecordKeeper keeper, String dir) {
    this.keeper = keeper;
    ExportRecord saved = keeper.section(Export.SECTION, ExportRecord.class).orElse(null);
    this.current = saved != null && dir.equals(saved.dir()) ? saved : ExportRecord.start(dir);
  }

  synchronized ExportRecord current() {
    return current;
  }

  synchronized Optional<ImageProgress> image(String uuid) {
    return Optional.ofNullable(current.images().get(uuid));
  }

  synchronized void update(UnaryOperator<ExportRecord> change) {
    current = change.apply(current);
    keeper.save(Export.SECTION, current);
  }

  /** Forgets everything written, after cleanup removed it, so a re-run starts afresh. */
  synchronized void reset() {
    current = ExportRecord.start(current.dir());
    keeper.save(Export.SECTION, current);
  }

  synchronized void finish(Map<String, Object> result) {
    update(r -> r.withResult(result));
  }
}
