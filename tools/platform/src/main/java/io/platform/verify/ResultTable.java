package io.platform.verify;

import io.platform.text.Count;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The per-unit zero-diff table printed at the end of a run, and what differs under it. */
public final class ResultTable {
  /** Addresses listed per unit; the rest are counted ("... and N more"). */
  static final int LISTED = 10;

  private ResultTable() {}

  public static String render(VerifyReport report) {
    List<String> header = new ArrayList<>(List.of("UNIT", "RESULT"));
    for (ChangeAction action : ChangeAction.values()) {
      header.add(action.label().toUpperCase(Locale.ROOT));
    }
    header.add("TIME");
    List<List<String>> rows = new ArrayList<>();
    rows.add(header);
    for (UnitResult result : report.results()) {
      List<String> row = new ArrayList<>(List.of(result.unit().name(), result.verdict().label()));
      for (ChangeAction action : ChangeAction.values()) {
        row.add(result.summary() == null ? "-" : String.valueOf(result.summary().count(action)));
      }
      row.add(seconds(result.elapsed().toMillis()));
      rows.add(row);
    }
    int[] widths = new int[header.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(String.format("%-" + widths[i] + "s", row.get(i)));
        if (i < row.size() - 1) {
          line.append("  ");
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    for (UnitResult result : report.results()) {
      if (result.error() != null) {
        out.append("error in ")
            .append(result.unit().name())
            .append(": ")
            .append(result.error())
            .append('\n');
      }
      if (result.summary() != null) {
        differences(result, out);
      }
    }
    Scope scope = report.scope();
    if (scope.worthSaying()) {
      out.append("selected: ").append(scope.headline(report.results().size())).append('\n');
      int width = report.results().stream().mapToInt(r -> r.unit().name().length()).max().orElse(0);
      for (UnitResult result : report.results()) {
        String reason = scope.reasons().get(result.unit().name());
        if (reason != null) {
          out.append(String.format("  %-" + width + "s  %s%n", result.unit().name(), reason));
        }
      }
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%s: %d clean, %d output-only, %d drift-only, %d with changes, %s (%s%s)%n",
            Count.of(report.results().size(), "unit"),
            report.count(Verdict.CLEAN),
            report.count(Verdict.OUTPUT_ONLY),
            report.count(Verdict.DRIFT_ONLY),
            report.count(Verdict.CHANGES),
            Count.of(report.count(Verdict.ERROR), "error"),
            seconds(report.elapsed().toMillis()),
            report.engineSuffix()));
    return out.toString();
  }

  /** Under a unit that would change: each address and what would happen to it, capped. */
  private static void differences(UnitResult result, StringBuilder out) {
    List<String> lines = new ArrayList<>();
    for (ResourceChange change : result.summary().changes()) {
      StringBuilder line = new StringBuilder(change.address()).append(": ");
      line.append(
          String.join(", ", change.actions().stream().sorted().map(ChangeAction::label).toList()));
      if (change.previousAddress() != null) {
        line.append(" from ").append(change.previousAddress());
      }
      if (!change.changedAttributes().isEmpty()) {
        line.append(" (").append(String.join(", ", change.changedAttributes())).append(')');
      }
      lines.add(line.toString());
    }
    result.summary().drifted().forEach(address -> lines.add(address + ": drifted"));
    result.summary().changedOutputs().forEach(name -> lines.add("output." + name + ": changes"));
    if (lines.isEmpty()) {
      return;
    }
    out.append("differs in ").append(result.unit().name()).append(":\n");
    lines.stream().limit(LISTED).forEach(line -> out.append("  ").append(line).append('\n'));
    if (lines.size() > LISTED) {
      out.append("  ... and ").append(lines.size() - LISTED).append(" more\n");
    }
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
  }
}
