package io.platform.exec;

import java.util.regex.Pattern;

/** Picks the line of tool output that best explains a failure. */
public final class ErrorLines {
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*[A-Za-z]");
  private static final Pattern BOX = Pattern.compile("^[\\s│╷╵]+");

  private ErrorLines() {}

  /**
   * The first line that reads like an error ("Error: ..." from Terraform, "ERROR" from
   * Terragrunt) in any output, else the last non-blank line of the first output that has one;
   * empty when there is no output at all.
   */
  public static String firstUseful(String... outputs) {
    String fallback = "";
    for (String output : outputs) {
      if (output == null) {
        continue;
      }
      String last = "";
      for (String raw : output.split("\\R")) {
        String line = clean(raw);
        if (line.isEmpty()) {
          continue;
        }
        if (line.startsWith("Error") || line.contains("ERROR") || line.startsWith("error:")) {
          return line;
        }
        last = line;
      }
      if (fallback.isEmpty()) {
        fallback = last;
      }
    }
    return fallback;
  }

  /** Strips colour codes and Terraform's diagnostic box drawing. */
  public static String clean(String line) {
    return BOX.matcher(ANSI.matcher(line).replaceAll("")).replaceFirst("").strip();
  }
}
