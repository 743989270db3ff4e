package io.platform.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Picks the line of tool output that best explains a failure. */
public final class ErrorLines {
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*[A-Za-z]");
  private static final Pattern BOX = Pattern.compile("^[\\s│╷╵]+");

  /**
   * Terragrunt's log prefix, e.g. {@code 03:19:50.738 STDERR terraform: } or {@code 03:19:51.111
   * ERROR }.
   */
  private static final Pattern LOG_PREFIX =
      Pattern.compile("^\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?\\s+[A-Z]+\\s+(terraform: |tofu: )?");

  /**
   * Where a diagnostic points: {@code on main.tf line 2, in resource ...:} or {@code on
   * /x/terragrunt.hcl line 5:}.
   */
  private static final Pattern LOCATION = Pattern.compile("^on (.+?) line (\\d+)[,:]");

  /** A line of the source snippet under the location: {@code 2: input =}. */
  private static final Pattern SNIPPET = Pattern.compile("^(\\d+): ?(.*)$");

  /** Summaries that only say that the diagnostics follow. */
  private static final List<String> WRAPPERS =
      List.of(
          "Terraform encountered problems during initialisation",
          "OpenTofu encountered problems during initialisation");

  /** Summaries that say what failed but not why: the line under them does. */
  private static final List<String> REASON_BELOW =
      List.of(
          "Failed to install provider",
          "Failed to query available provider packages",
          "Failed to load plugin schemas");

  /** How far below its summary a diagnostic's location may be. */
  private static final int LOCATION_WINDOW = 6;

  private ErrorLines() {}

  /**
   * Terraform's own diagnostic ("Error: ...", also when Terragrunt relays it inside a log line)
   * with where it points ("Error: Invalid expression (main.tf line 2: input =)"), passing over the
   * summaries that only announce the diagnostics below them; else the first Terragrunt ERROR line
   * that says more than "error occurred", else the last non-blank line of the first output that has
   * one; empty when there is no output.
   */
  public static String firstUseful(String... outputs) {
    String wrapper = null;
    for (String output : outputs) {
      List<String> lines = lines(output).stream().map(ErrorLines::unprefixed).toList();
      for (int i = 0; i < lines.size(); i++) {
        int diagnostic = lines.get(i).indexOf("Error: ");
        if (diagnostic < 0) {
          continue;
        }
        String summary = lines.get(i).substring(diagnostic);
        if (WRAPPERS.stream().anyMatch(summary::contains)) {
          wrapper = wrapper == null ? summary : wrapper;
          continue;
        }
        List<String> following =
            lines.subList(i + 1, Math.min(lines.size(), i + 1 + LOCATION_WINDOW));
        String explained = located(summary, following);
        if (explained.equals(summary)
            && REASON_BELOW.stream().anyMatch(summary::contains)
            && !following.isEmpty()
            && !following.get(0).contains("Error: ")) {
          // The reason, wrapped over several lines, up to the next diagnostic.
          List<String> reason = new ArrayList<>();
          for (String line : lines.subList(i + 1, lines.size())) {
            if (line.contains("Error: ") || line.contains("Warning: ")) {
              break;
            }
            reason.add(line.strip());
          }
          return summary + ": " + String.join(" ", reason);
        }
        return explained;
      }
    }
    if (wrapper != null) {
      return wrapper;
    }
    for (String output : outputs) {
      for (String line : lines(output)) {
        if ((line.contains("ERROR") || line.startsWith("error:"))
            && !line.endsWith("error occurred:")) {
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

  /**
   * A diagnostic's summary with the file, line and source line it points at, as Terraform prints
   * them below it; the summary alone when no location follows before the next one.
   */
  public static String located(String summary, String file, int line, String code) {
    String where = file + " line " + line;
    return summary
        + " ("
        + (code == null || code.isBlank() ? where : where + ": " + code.strip())
        + ")";
  }

  private static String located(String summary, List<String> following) {
    for (int i = 0; i < following.size(); i++) {
      String line = following.get(i);
      if (line.contains("Error: ")) {
        break;
      }
      Matcher location = LOCATION.matcher(line);
      if (location.find()) {
        String code = null;
        for (String next : following.subList(i + 1, following.size())) {
          Matcher snippet = SNIPPET.matcher(next);
          if (snippet.matches() && snippet.group(1).equals(location.group(2))) {
            code = snippet.group(2);
            break;
          }
        }
        return located(summary, location.group(1), Integer.parseInt(location.group(2)), code);
      }
    }
    return summary;
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

  /** A cleaned line without Terragrunt's log prefix, as Terraform printed it. */
  private static String unprefixed(String line) {
    return BOX.matcher(LOG_PREFIX.matcher(line).replaceFirst("")).replaceFirst("").strip();
  }
}
