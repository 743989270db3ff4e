package io.platform.verify.report;

import io.platform.verify.ChangeAction;
import io.platform.verify.UnitResult;
import io.platform.verify.Verdict;
import io.platform.verify.VerifyReport;
import java.util.List;
import java.util.Locale;

/**
 * The report for a pull-request comment: the summary and a per-unit table first, then each
 * unit's changes folded in {@code <details>}. The whole text stays under GitHub's comment
 * limit; what does not fit is left out with a note saying so.
 */
public final class MarkdownReport {
  /** GitHub refuses comments longer than this many characters. */
  public static final int GITHUB_COMMENT_LIMIT = 65_536;

  /** Lines of one unit's details, and characters of one line, before they are cut. */
  static final int MAX_DETAIL_LINES = 200;

  static final int MAX_LINE = 300;

  private MarkdownReport() {}

  public static String write(VerifyReport report, boolean allowOutputOnly) {
    return write(report, allowOutputOnly, GITHUB_COMMENT_LIMIT);
  }

  static String write(VerifyReport report, boolean allowOutputOnly, int limit) {
    StringBuilder out = new StringBuilder();
    int exit = report.exitCode(allowOutputOnly);
    out.append("## Zero-diff verification: `").append(report.root().getFileName()).append("` — ")
        .append(exit == 0 ? "clean" : exit == VerifyReport.EXIT_CHANGES ? "changes" : "errors")
        .append("\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "**%d units**: %d clean, %d output-only, %d drift-only, %d with changes, %d errors (%.1fs)%n%n",
            report.results().size(), report.count(Verdict.CLEAN), report.count(Verdict.OUTPUT_ONLY),
            report.count(Verdict.DRIFT_ONLY), report.count(Verdict.CHANGES), report.count(Verdict.ERROR),
            report.elapsed().toMillis() / 1000.0));
    out.append("| Unit | Result |");
    for (ChangeAction action : ChangeAction.values()) {
      out.append(' ').append(action.label()).append(" |");
    }
    out.append(" Summary |\n|---|---|");
    out.append("---:|".repeat(ChangeAction.values().length)).append("---|\n");
    for (UnitResult result : report.results()) {
      out.append("| `").append(result.unit().name()).append("` | ").append(result.verdict().label()).append(" |");
      for (ChangeAction action : ChangeAction.values()) {
        out.append(' ').append(result.summary() == null ? "-" : String.valueOf(result.summary().count(action))).append(" |");
      }
      out.append(' ').append(cell(ChangeLines.headline(result))).append(" |\n");
    }

    int omitted = 0;
    for (UnitResult result : report.results()) {
      if (result.verdict() == Verdict.CLEAN) {
        continue;
      }
      String details = details(result);
      if (omitted > 0 || out.length() + details.length() + truncationNote(0).length() > limit) {
        omitted++;
      } else {
        out.append(details);
      }
    }
    if (omitted > 0) {
      out.append(truncationNote(omitted));
    }
    return out.toString();
  }

  private static String details(UnitResult result) {
    StringBuilder out = new StringBuilder("\n<details><summary><code>")
        .append(escapeHtml(result.unit().name())).append("</code>: ")
        .append(escapeHtml(ChangeLines.headline(result))).append("</summary>\n\n```\n");
    List<String> lines =
        result.summary() == null ? List.of(result.error()) : ChangeLines.details(result.summary());
    int shown = Math.min(lines.size(), MAX_DETAIL_LINES);
    for (String line : lines.subList(0, shown)) {
      String shortened = line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + " ..." : line;
      out.append(shortened.replace("```", "'''")).append('\n');
    }
    if (shown < lines.size()) {
      out.append("... ").append(lines.size() - shown).append(" more lines in the JSON report\n");
    }
    return out.append("```\n</details>\n").toString();
  }

  private static String truncationNote(int omitted) {
    return "\n> Report truncated to fit a GitHub comment: details of " + omitted
        + " unit(s) left out. The JSON and JUnit reports hold everything.\n";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  private static String escapeHtml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
