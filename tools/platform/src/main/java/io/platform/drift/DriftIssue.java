package io.platform.drift;

import static io.platform.verify.report.Markdown.cell;
import static io.platform.verify.report.Markdown.code;
import static io.platform.verify.report.Markdown.escapeHtml;
import static io.platform.verify.report.Markdown.shortened;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platform.text.Count;
import io.platform.verify.report.MarkdownReport;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body of an environment's drift issue: a hidden marker that finds the issue again, the
 * findings in a hidden state line (so that each one's age survives between runs), the generated
 * table, and after its end marker whatever people wrote, which every update keeps.
 */
public final class DriftIssue {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern STATE =
      Pattern.compile("<!-- platform-drift-state: (\\{.*?\\}) -->");
  private static final String END = "<!-- platform-drift: end -->";

  /** Findings listed in the table before the rest are only counted. */
  static final int MAX_ROWS = 200;

  /** Lines of one finding's details before they are cut. */
  static final int MAX_DETAIL_LINES = 50;

  /** Room for the hidden state line: the findings' ages, oldest first, as many as fit. */
  static final int STATE_BUDGET = 30_000;

  private DriftIssue() {}

  /**
   * The hidden first line of the issue of {@code environment}, which must not hold "--" (an HTML
   * comment cannot; {@link #validName} says so first).
   */
  public static String marker(String environment) {
    return "<!-- platform-drift: " + environment + " -->";
  }

  /** Whether {@code environment} can name an issue: a GitHub environment name without "--". */
  public static boolean validName(String environment) {
    return environment.matches("[A-Za-z0-9._-]+") && !environment.contains("--");
  }

  /** Whether {@code body} is the drift issue of {@code environment}. */
  public static boolean isIssueOf(String body, String environment) {
    return body != null && body.contains(marker(environment));
  }

  /**
   * What an earlier body recorded: its findings and how many there were in all (more than recorded
   * when they did not all fit); none when its state line is missing or damaged.
   */
  public static Recorded recorded(String body) {
    List<Finding> findings = new ArrayList<>();
    Matcher state = STATE.matcher(body == null ? "" : body);
    if (!state.find()) {
      return new Recorded(findings, 0);
    }
    try {
      JsonNode root = JSON.readTree(state.group(1));
      for (JsonNode node : root.path("findings")) {
        findings.add(
            new Finding(
                node.path("unit").asText(),
                node.path("kind").asText(),
                Instant.parse(node.path("since").asText()),
                "",
                List.of()));
      }
      return new Recorded(
          findings, Math.max(findings.size(), root.path("total").asInt(findings.size())));
    } catch (JsonProcessingException | DateTimeParseException e) {
      // A person edited the state line: the findings count as new, the marker still holds.
      return new Recorded(List.of(), 0);
    }
  }

  /** The findings of an earlier body, and how many it had in all. */
  public record Recorded(List<Finding> findings, int total) {
    /** Whether some findings were left out of the state for want of room. */
    public boolean partial() {
      return total > findings.size();
    }
  }

  /** What people wrote below the generated part of an earlier body, kept on every update. */
  static String notes(String body) {
    if (body == null) {
      return "";
    }
    int end = body.indexOf(END);
    return end < 0 ? "" : body.substring(end + END.length());
  }

  /**
   * A new body for the findings, checked at {@code now} by the run at {@code runUrl} (or null),
   * with the notes of {@code previous} (or null) kept below it; within GitHub's body limit.
   */
  public static String body(
      String environment, List<Finding> findings, Instant now, String runUrl, String previous) {
    String notes = notes(previous);
    StringBuilder out = new StringBuilder(marker(environment)).append('\n');
    String state = state(findings);
    out.append("<!-- platform-drift-state: ").append(state).append(" -->\n");
    out.append("## ").append(code(environment)).append(" is not what the code says\n\n");
    long errors = findings.stream().filter(f -> f.kind().equals("error")).count();
    out.append("**").append(Count.of(findings.size(), "unit")).append("** differ");
    if (errors > 0) {
      out.append(" (")
          .append(errors)
          .append(" could not be planned: an error is never counted as clean)");
    }
    out.append(". Last checked ")
        .append(now)
        .append(runUrl == null ? "" : " by [this run](" + runUrl + ")")
        .append(".\n\n| Unit | Kind | Since | What |\n|---|---|---|---|\n");
    int budget = MarkdownReport.GITHUB_COMMENT_LIMIT - notes.length() - END.length() - 600;
    int shown = 0;
    for (Finding finding : findings) {
      String row =
          "| "
              + cell(code(finding.unit()))
              + " | "
              + finding.kind()
              + " | "
              + finding.since()
              + " ("
              + age(finding.since(), now)
              + ") | "
              + cell(escapeHtml(shortened(finding.what())))
              + " |\n";
      if (shown >= MAX_ROWS || out.length() + row.length() > budget) {
        break;
      }
      out.append(row);
      shown++;
    }
    if (shown < findings.size()) {
      out.append("\n> ")
          .append(findings.size() - shown)
          .append(" more units left out of this table; the run's " + "reports list every one.\n");
    }
    for (Finding finding : findings.subList(0, shown)) {
      String details = details(finding);
      if (out.length() + details.length() > budget) {
        break;
      }
      out.append(details);
    }
    out.append(
            "\nThis issue is kept by the drift watch (docs/drift.md): it is edited on every run, commented on "
                + "only when a unit or a kind of difference is new, and closed when every unit is clean again. Write "
                + "below the line; it is kept.\n\n")
        .append(END);
    return out.append(notes.isEmpty() ? "\n\n---\n" : notes).toString();
  }

  private static String details(Finding finding) {
    if (finding.details().isEmpty()) {
      return "";
    }
    StringBuilder out =
        new StringBuilder("\n<details><summary><code>")
            .append(escapeHtml(finding.unit()))
            .append("</code>: ")
            .append(escapeHtml(shortened(finding.what())))
            .append("</summary>\n\n```\n");
    List<String> lines = finding.details();
    for (String line : lines.subList(0, Math.min(lines.size(), MAX_DETAIL_LINES))) {
      out.append(shortened(line).replace("```", "'''")).append('\n');
    }
    if (lines.size() > MAX_DETAIL_LINES) {
      out.append("... ")
          .append(lines.size() - MAX_DETAIL_LINES)
          .append(" more lines in the run's reports\n");
    }
    return out.append("```\n</details>\n").toString();
  }

  /** The findings' ages as JSON, the oldest first, as many as fit in {@link #STATE_BUDGET}. */
  private static String state(List<Finding> findings) {
    ObjectNode state = JSON.createObjectNode();
    state.put("version", 1);
    state.put("total", findings.size());
    ArrayNode list = state.putArray("findings");
    int size = state.toString().length();
    List<Finding> oldestFirst = new ArrayList<>(findings);
    oldestFirst.sort(Comparator.comparing(Finding::since).thenComparing(Finding::unit));
    for (Finding finding : oldestFirst) {
      ObjectNode node =
          JSON.createObjectNode()
              .put("unit", finding.unit())
              .put("kind", finding.kind())
              .put("since", finding.since().toString());
      size += node.toString().length() + 1;
      if (size > STATE_BUDGET) {
        break;
      }
      list.add(node);
    }
    // Never "-->" inside the comment, whatever a unit is called.
    return state.toString().replace("--", "\\u002d\\u002d");
  }

  /** "today", "1 day", "12 days". */
  static String age(Instant since, Instant now) {
    long days = Duration.between(since, now).toDays();
    return days <= 0 ? "today" : days == 1 ? "1 day" : days + " days";
  }
}
