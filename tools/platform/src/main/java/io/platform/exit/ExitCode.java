package io.platform.exit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every exit code the {@code platform} commands return, with what it means: the one list the
 * reports decide from, the CLI maps exceptions to, and {@code --help} prints.
 */
public enum ExitCode {
  OK(0, "success (verify: every unit clean; migrate apply: every unit in place and verified)"),
  ERROR(
      1,
      "error (verify: a unit could not be planned; docs --check: a README out of date;"
          + " kill-switch restore: not confirmed)"),
  CHANGES(2, "verify, migrate apply: a unit would change or drifted"),
  REFUSED(
      3,
      "migrate: refused before writing (unmapped resources, collisions, a state not as planned)"),
  USAGE(64, "invalid command line");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }

  /** The list picocli prints under "Exit codes:" in --help. */
  public static Map<String, String> helpList() {
    Map<String, String> list = new LinkedHashMap<>();
    for (ExitCode exit : values()) {
      list.put(String.valueOf(exit.code), exit.meaning);
    }
    return list;
  }
}
