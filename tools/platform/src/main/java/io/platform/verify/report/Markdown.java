package io.platform.verify.report;

/** Text made safe for GitHub-flavoured Markdown, for the reports and issues that use it. */
public final class Markdown {
  /** Characters of one line before it is cut. */
  public static final int MAX_LINE = 300;

  private Markdown() {}

  /** A line cut at {@link #MAX_LINE} characters, never between the two halves of an emoji. */
  public static String shortened(String line) {
    if (line.length() <= MAX_LINE) {
      return line;
    }
    int end = Character.isHighSurrogate(line.charAt(MAX_LINE - 1)) ? MAX_LINE - 1 : MAX_LINE;
    return line.substring(0, end) + " ...";
  }

  /** A code span that holds any backticks: fenced by a longer run of them, spaced when needed. */
  public static String code(String text) {
    int longestRun = 0;
    for (int i = 0, run = 0; i < text.length(); i++) {
      run = text.charAt(i) == '`' ? run + 1 : 0;
      longestRun = Math.max(longestRun, run);
    }
    String fence = "`".repeat(longestRun + 1);
    String padding = longestRun > 0 ? " " : "";
    return fence + padding + text + padding + fence;
  }

  /** Text for a table cell: no column break, no line break. */
  public static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  public static String escapeHtml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
