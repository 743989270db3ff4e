package io.platform.killswitch.queries;

import java.util.regex.Pattern;

/**
 * A query's text as the notice shows it: string and number literals replaced by {@code ?} (they may
 * hold customer data), whitespace collapsed, at most {@link #MAX_CHARS} characters.
 */
public final class QueryText {
  public static final int MAX_CHARS = 200;

  /** A quoted string with SQL's doubled-quote escape; a number not part of a name. */
  private static final Pattern STRING = Pattern.compile("'(?:[^']|'')*'?");

  private static final Pattern NUMBER =
      Pattern.compile("(?<![\\w.\"])[-+]?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?(?![\\w\"])");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private QueryText() {}

  public static String elide(String sql) {
    if (sql == null) {
      return "";
    }
    String text = STRING.matcher(sql).replaceAll("?");
    text = NUMBER.matcher(text).replaceAll("?");
    text = SPACE.matcher(text).replaceAll(" ").trim();
    return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS - 3) + "...";
  }
}
