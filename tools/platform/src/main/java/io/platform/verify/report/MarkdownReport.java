package io.platform.verify.report;

import static io.platform.verify.report.Markdown.cell;
import static io.platform.verify.report.Markdown.code;
import static io.platform.verify.report.Markdown.escapeHtml;
import static io.platform.verify.report.Markdown.shortened;

import io.platform.exit.ExitCode;
import io.platform.text.Count;
import io.platform.verify.ChangeAction;
import io.platform.verify.Scope;
import io.platform.verify.UnitResult;
import io.platform.verify.Verdict;
import io.platform.verify.VerifyReport;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The report for a pull-request comment: the summary and a per-unit table first, then each unit's
 * changes folded in {@code <details>}. The whole text stays under GitHub's comment limit; what does
 * not fit is left out with a note saying so.
 */
public final class MarkdownReport {
  /** GitHub refuses comments longer than this many characters. */
  public static final int GITHUB_COMMENT_LIMIT = 65_536;

  /** Lines of one unit's details before they are cut. */
  static final int MAX_DETAIL_LINES = 200;

  static final int MAX_LINE = Markdown.MAX_LINE;

  /** Room kept for the truncation note, whatever the counts in it, and a link of usual length. */
  private static final int NOTE_ROOM =
      truncationNote(Integer.MAX_VALUE, Integer.MAX_VALUE).length() + 200;

  private MarkdownReport() {}

  public static String write(VerifyReport report, boolean allowOutputOnly) {
    return write(report, allowOutputOnly, null, GITHUB_COMMENT_LIMIT);
  }

  /**
   * @param fullReportUrl where the complete reports are (a CI artifact), linked when this one is
   *     cut; or null
   */
  public static String write(VerifyReport report, boolean allowOutputOnly, String fullReportUrl) {
    return write(report, allowOutputOnly, fullReportUrl, GITHUB_COMMENT_LIMIT);
  }

  /**
   * The hidden line a report starts with, naming its tree (e.g. {@code staging}): what finds the
   * comment of an earlier run of the same tree, to edit it in place.
   */
  public static String marker(String tree) {
    // An HTML comment cannot hold "--": every hyphen after a hyphen becomes a non-breaking one.
    return "<!-- platform-verify: "
        + tree.replaceAll("(?<=-)-", "\u2011").replace(">", "&gt;")
        + " -->";
  }

  static String write(
      VerifyReport report, boolean allowOutputOnly, String fullReportUrl, int limit) {
    StringBuilder out = new StringBuilder();
    ExitCode exit = report.exitCode(allowOutputOnly);
    String tree = String.valueOf(report.root().getFileName());
    out.append(marker(tree)).append('\n');
    out.append("## Zero-diff verification: ")
        .append(code(tree))
        .append(" — ")
        .append(exit == ExitCode.OK ? "clean" : exit == ExitCode.CHANGES ? "changes" : "errors")
        .append("\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "**%s**: %d clean, %d output-only, %d drift-only, %d with changes, %s (%.1fs%s)%n%n",
            Count.of(report.results().size(), "unit"),
            report.count(Verdict.CLEAN),
            report.count(Verdict.OUTPUT_ONLY),
            report.count(Verdict.DRIFT_ONLY),
            report.count(Verdict.CHANGES),
            Count.of(report.count(Verdict.ERROR), "error"),
            report.elapsed().toMillis() / 1000.0,
            report.engineSuffix()));
    Scope scope = report.scope();
    boolean why = !scope.reasons().isEmpty();
    if (scope.worthSaying()) {
      out.append("**Selected**: ")
          .append(escapeHtml(scope.headline(report.results().size())))
          .append("\n\n");
    }
    if (report.results().isEmpty()) {
      return out.append(
              scope.selective()
                  ? "No unit reads what changed: nothing to verify.\n"
                  : "No units.\n")
          .toString();
    }
    out.append("| Unit | Result |");
    for (ChangeAction action : ChangeAction.values()) {
      out.append(' ').append(action.label()).append(" |");
    }
    out.append(" Summary |").append(why ? " Why |" : "").append("\n|---|---|");
    out.append("---:|".repeat(ChangeAction.values().length))
        .append("---|")
        .append(why ? "---|" : "")
        .append('\n');

    // A table too long for the comment loses its clean rows first: the summary counts them.
    List<String> rows =
        report.results().stream()
            .map(r -> row(r, why ? scope.reasons().getOrDefault(r.unit().name(), "") : null))
            .toList();
    boolean allRowsFit =
        out.length() + rows.stream().mapToInt(String::length).sum() + NOTE_ROOM <= limit;
    int rowsLeftOut = 0;
    for (int i = 0; i < rows.size(); i++) {
      boolean cleanToDrop = !allRowsFit && report.results().get(i).verdict() == Verdict.CLEAN;
      if (cleanToDrop || out.length() + rows.get(i).length() + NOTE_ROOM > limit) {
        rowsLeftOut++;
      } else {
        out.append(rows.get(i));
      }
    }

    int detailsLeftOut = 0;
    for (UnitResult result : report.results()) {
      if (result.verdict() == Verdict.CLEAN) {
        continue;
      }
      String details = details(result);
      if (detailsLeftOut > 0 || out.length() + details.length() + NOTE_ROOM > limit) {
        detailsLeftOut++;
      } else {
        out.append(details);
      }
    }
    if (rowsLeftOut + detailsLeftOut > 0) {
      out.append(truncationNote(rowsLeftOut, detailsLeftOut));
      if (fullReportUrl != null && out.length() + fullReportUrl.length() + 40 <= limit) {
        out.append("> Full report: ").append(fullReportUrl).append('\n');
      }
    }
    return out.toString();
  }

  private static String row(UnitResult result, String why) {
    StringBuilder row =
        new StringBuilder("| ")
            .append(cell(code(result.unit().name())))
            .append(" | ")
            .append(result.verdict().label())
            .append(" |");
    for (ChangeAction action : ChangeAction.values()) {
      row.append(' ')
          .append(result.summary() == null ? "-" : String.valueOf(result.summary().count(action)))
          .append(" |");
    }
    row.append(' ').append(cell(escapeHtml(shortened(ChangeLines.headline(result))))).append(" |");
    if (why != null) {
      row.append(' ').append(cell(escapeHtml(shortened(why)))).append(" |");
    }
    return row.append('\n').toString();
  }

  private static String details(UnitResult result) {
    StringBuilder out =
        new StringBuilder("\n<details><summary><code>")
            .append(escapeHtml(result.unit().name()))
            .append("</code>: ")
            .append(escapeHtml(shortened(ChangeLines.headline(result))))
            .append("</summary>\n\n```\n");
    List<String> lines =
        result.summary() == null ? List.of(result.error()) : ChangeLines.details(result.summary());
    int shown = Math.min(lines.size(), MAX_DETAIL_LINES);
    for (String line : lines.subList(0, shown)) {
      out.append(shortened(line).replace("```", "'''")).append('\n');
    }
    if (shown < lines.size()) {
      out.append("... ").append(lines.size() - shown).append(" more lines in the JSON report\n");
    }
    return out.append("```\n</details>\n").toString();
  }

  private static String truncationNote(int rowsLeftOut, int detailsLeftOut) {
    StringJoiner leftOut = new StringJoiner(", ");
    if (rowsLeftOut > 0) {
      leftOut.add(rowsLeftOut + " unit(s) left out of the table");
    }
    if (detailsLeftOut > 0) {
      leftOut.add("details of " + detailsLeftOut + " unit(s) left out");
    }
    return "\n> Report truncated to fit a GitHub comment: "
        + leftOut
        + ". The JSON and JUnit reports hold everything.\n";
  }
}
