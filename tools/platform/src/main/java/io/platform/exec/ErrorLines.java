package io.platform.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Picks the line of tool output that best explains a failure. */
public final class ErrorLines {
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*[A-Za-z]");
  private static final Pattern BOX = Pattern.compile("^[\\s│╷╵]+");

  private ErrorLines() {}

  /**
   * Terraform's own diagnostic ("Error: ...", also when Terragrunt relays it inside a log
   * line), else the first Terragrunt ERROR line that says more than "error occurred", else
   * the last non-blank line of the first output that has one; empty when there is no output.
   */
  public static String firstUseful(String... outputs) {
    for (String output : outputs) {
      for (String line : lines(output)) {
        int diagnostic = line.indexOf("Error: ");
        if (diagnostic >= 0) {
          return line.substring(diagnostic);
        }
      }
    }
    for (String output : outputs) {
      for (String line : lines(output)) {
        if ((line.contains("ERROR") || line.startsWith("error:")) && !line.endsWith("error occurred:")) {
          return line;
        }
      }
    }
    for (String output : outputs) {
      List<String> lines = lines(output);
      if (!lines.isEmpty()) {
        return lines.get(lines.size() - 1);
      }
    }
    return "";
  }

  private static List<String> lines(String output) {
    List<String> lines = new ArrayList<>();
    if (output != null) {
      for (String raw : output.split("\\R")) {
        String line = clean(raw);
        if (!line.isEmpty()) {
          lines.add(line);
        }
      }
    }
    return lines;
  }

  /** Strips colour codes and Terraform's diagnostic box drawing. */
  public static String clean(String line) {
    return BOX.matcher(ANSI.matcher(line).replaceAll("")).replaceFirst("").strip();
  }
}
