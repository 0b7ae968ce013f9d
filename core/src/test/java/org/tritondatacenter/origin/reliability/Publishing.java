package org.tritondatacenter.origin.reliability;

import java.util.List;
import org.tritondatacenter.origin.export.Export;
import org.tritondatacenter.origin.export.ExportSettings;
import org.tritondatacenter.origin.export.OriginPlatforms;
import org.tritondatacenter.origin.operations.LocalOps;
import org.tritondatacenter.origin.publish.FileSourceMode;
import org.tritondatacenter.origin.publish.Publish;
import org.tritondatacenter.origin.publish.PublishItem;
import org.tritondatacenter.origin.publish.PublishSettings;
import org.tritondatacenter.origin.publish.PublishSources;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.state.RecordKeeper;
import org.tritondatacenter.origin.steps.ExportResult;
import org.tritondatacenter.origin.steps.PublishResult;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.wait.ScaledClock;

/**
 * Export and publish on a local Triton seeded by {@link LocalOps}: two images built the way the
 * build operation makes them, exported to Manta, then published to the updates-like IMGAPI in
 * channel {@code dev}. Events go to {@link #events}.
 */
final class Publishing {
  final LocalOps ops;
  final ScaledClock clock;
  final Events events = new Events();

  Publishing(LocalTriton triton, ScaledClock clock) {
    this.ops = new LocalOps(triton, clock);
    this.clock = clock;
  }

  LocalTriton triton() {
    return ops.triton();
  }

  /** Builds both images and exports them to the project's build directory. */
  ExportResult export() {
    return new Export(
            ops.cloudApi(), ops.manta(), new OriginPlatforms(List.of(ops.updates())), clock, events)
        .run(ops.build(), ExportSettings.ofProject("triton-origin-image", true), record());
  }

  /** Returns the publish items of an export, their files streamed from Manta. */
  List<PublishItem> items(ExportResult exported) {
    return PublishSources.fromExport(exported, ops.manta(), false);
  }

  /** Publishes into {@code dev} with {@code mode}, recorded in {@code record}. */
  PublishResult publish(List<PublishItem> items, FileSourceMode mode, RecordKeeper record) {
    return new Publish(ops.updates(), new PublishSettings("dev", mode, false), clock, clock, events)
        .run(items, record);
  }

  static RecordKeeper record() {
    return new RecordKeeper(new MemoryRunRecordStore(), "memory");
  }
}
