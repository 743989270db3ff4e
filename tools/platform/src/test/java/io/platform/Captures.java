package io.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Output of the real tools, captured into src/test/resources (each folder's README says how). */
public final class Captures {
  private Captures() {}

  /**
   * The capture at {@code path} below src/test/resources, e.g. {@code
   * exec/init-invalid-expression.txt}.
   */
  public static String read(String path) {
    try (InputStream in = Captures.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no capture " + path + " in the test resources");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
