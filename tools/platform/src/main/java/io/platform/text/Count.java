package io.platform.text;

/** A number with its noun as people write it: "1 unit", "2 units", "0 errors". */
public final class Count {
  private Count() {}

  /** For nouns whose plural adds an s. */
  public static String of(long count, String noun) {
    return of(count, noun, noun + "s");
  }

  public static String of(long count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }
}
