package org.tritondatacenter.origin.bench;

import java.util.List;

/** Renders the rows as the Markdown table {@code RESULTS.md} records, machine facts first. */
final class ResultsTable {
  private ResultsTable() {}

  static String render(String command, String started, String loadBefore, List<Row> rows) {
    StringBuilder md = new StringBuilder();
    md.append("Run ").append(started).append(" with `").append(command).append("`\n\n");
    md.append("- machine: ")
        .append(Facts.cores())
        .append(" cores, ")
        .append(Facts.cpu())
        .append(", ")
        .append(Facts.memory())
        .append(", ")
        .append(Facts.os())
        .append('\n');
    md.append("- Java: ").append(Facts.java()).append('\n');
    md.append("- load average (1, 5, 15 min): ")
        .append(loadBefore)
        .append(" before, ")
        .append(Facts.load())
        .append(" after\n\n");
    md.append("| # | measurement | baseline in the same run | ratio | target | verdict | load |\n");
    md.append("| --- | --- | --- | --- | --- | --- | --- |\n");
    for (Row row : rows) {
      md.append("| ")
          .append(row.id())
          .append(" | ")
          .append(cell(row.measurement()))
          .append(" | ")
          .append(cell(row.baseline()))
          .append(" | ")
          .append(Row.times(row.ratio()))
          .append(" | ")
          .append(cell(row.target()))
          .append(" | ")
          .append(cell(row.verdict()))
          .append(" | ")
          .append(row.load())
          .append(" |\n");
    }
    boolean anyNotes = rows.stream().anyMatch(r -> !r.notes().isEmpty());
    if (anyNotes) {
      md.append('\n');
      for (Row row : rows) {
        for (String note : row.notes()) {
          md.append("- ").append(row.id()).append(": ").append(note).append('\n');
        }
      }
    }
    return md.toString();
  }

  /** Keeps a cell on one table line: pipes escaped, line breaks flattened. */
  static String cell(String text) {
    return text.replace("|", "\\|").replace('\n', ' ');
  }
}
