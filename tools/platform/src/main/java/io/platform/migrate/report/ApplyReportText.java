package io.platform.migrate.report;

import io.platform.migrate.apply.ApplyReport;
import io.platform.migrate.apply.UnitOutcome;
import io.platform.text.Count;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The apply report for people: a table on the terminal, or Markdown for a pull request. */
public final class ApplyReportText {
  private static final String[] HEADER = {
    "UNIT", "ACTION", "LOCAL PLAN", "REMOTE PLAN", "OUTPUTS", "TIME", "DESTINATION"
  };

  private ApplyReportText() {}

  public static String table(ApplyReport report) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    report.units().forEach(u -> rows.add(row(u)));
    int[] widths = new int[HEADER.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(
            i == row.length - 1
                ? row[i]
                : String.format(Locale.ROOT, "%-" + (widths[i] + 2) + "s", row[i]));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    for (UnitOutcome unit : report.units()) {
      if (unit.message() != null && !unit.succeeded()) {
        out.append(unit.unit()).append(": ").append(unit.message()).append('\n');
      }
    }
    out.append(summary(report)).append('\n');
    return out.toString();
  }

  public static String markdown(ApplyReport report) {
    StringBuilder out = new StringBuilder("## State migration\n\n");
    out.append(summary(report)).append("\n\n");
    out.append("| ").append(String.join(" | ", HEADER)).append(" |\n");
    out.append("|").append(" --- |".repeat(HEADER.length)).append('\n');
    for (UnitOutcome unit : report.units()) {
      String[] row = row(unit);
      row[0] = "`" + row[0] + "`";
      row[row.length - 1] = "`" + row[row.length - 1] + "`";
      out.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    List<UnitOutcome> notes = report.units().stream().filter(u -> u.message() != null).toList();
    if (!notes.isEmpty()) {
      out.append('\n');
      notes.forEach(
          u ->
              out.append("- `")
                  .append(u.unit())
                  .append("`: ")
                  .append(u.message().replace("\n", " "))
                  .append('\n'));
    }
    if (report.error() != null) {
      out.append("\n**Error:** ").append(report.error()).append('\n');
    }
    return out.toString();
  }

  static String summary(ApplyReport report) {
    long done = report.units().stream().filter(UnitOutcome::succeeded).count();
    String source =
        report.source() == null
            ? "source not read"
            : report.source().unchanged()
                ? "source unchanged (sha256 " + report.source().before() + ")"
                : "SOURCE CHANGED: "
                    + report.source().location()
                    + " was "
                    + report.source().before()
                    + ", now "
                    + report.source().sourceAfter();
    String engine = report.engine() == null ? "" : ", " + report.engine();
    return String.format(
        Locale.ROOT,
        "%d of %s migrated; %s (%.1fs%s)",
        done,
        Count.of(report.units().size(), "unit"),
        source,
        report.elapsed().toMillis() / 1000.0,
        engine);
  }

  private static String[] row(UnitOutcome unit) {
    return new String[] {
      unit.unit(),
      unit.action().label(),
      unit.localVerdict() == null ? "-" : unit.localVerdict().label(),
      unit.remoteVerdict() == null ? "-" : unit.remoteVerdict().label(),
      unit.materialized() ? "written" : "-",
      String.format(Locale.ROOT, "%.1fs", unit.elapsed().toMillis() / 1000.0),
      unit.destination(),
    };
  }
}
