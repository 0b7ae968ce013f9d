package org.tritondatacenter.origin.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.tritondatacenter.origin.steps.BuildResult;
import org.tritondatacenter.origin.steps.ChannelAddResult;
import org.tritondatacenter.origin.steps.ExportResult;
import org.tritondatacenter.origin.steps.PublishResult;

/** Prints the four steps' result maps for people: a line of summary and a table. */
final class ResultPrinter {
  private ResultPrinter() {}

  static void build(PrintWriter out, Map<String, Object> map) {
    BuildResult r = BuildResult.fromMap(map);
    long built = r.images().stream().filter(i -> !i.skipped()).count();
    out.println(
        "Build "
            + r.buildId()
            + " of "
            + r.branch()
            + " at "
            + r.timestamp()
            + ": "
            + built
            + " built, "
            + (r.images().size() - built)
            + " skipped (already published with the same spec)");
    Table table = new Table("NAME", "VERSION", "UUID", "RESULT");
    r.images()
        .forEach(
            i -> table.row(i.name(), i.version(), i.uuid(), i.skipped() ? "skipped" : "built"));
    table.print(out);
  }

  static void export(PrintWriter out, Map<String, Object> map) {
    ExportResult r = ExportResult.fromMap(map);
    if (r.images().isEmpty()) {
      out.println("Nothing to export: every image was skipped. " + r.dir() + " was not written.");
      return;
    }
    out.println("Exported " + r.images().size() + " images to " + r.dir());
    if (r.latest() != null) {
      out.println("Latest: " + r.latest());
    }
    Table table = new Table("NAME", "VERSION", "MANIFEST", "MD5");
    r.images().forEach(i -> table.row(i.name(), i.version(), i.manifest(), i.md5()));
    table.print(out);
  }

  static void publish(PrintWriter out, Map<String, Object> map) {
    PublishResult r = PublishResult.fromMap(map);
    if (r.images().isEmpty()) {
      out.println("Nothing to publish.");
      return;
    }
    Table table = new Table("UUID", "NAME", "VERSION", "CHANNEL", "RESULT");
    r.images()
        .forEach(
            i -> table.row(i.uuid(), i.name(), i.version(), i.channel(), i.result().wireName()));
    table.print(out);
  }

  static void channelAdd(PrintWriter out, Map<String, Object> map) {
    ChannelAddResult r = ChannelAddResult.fromMap(map);
    if (r.changes().isEmpty()) {
      out.println("No image matched; nothing to change.");
      return;
    }
    Table table = new Table("UUID", "NAME", "VERSION", "CHANNEL", "RESULT");
    r.changes()
        .forEach(
            c -> table.row(c.uuid(), c.name(), c.version(), c.channel(), c.result().wireName()));
    table.print(out);
  }
}
