package io.platform.killswitch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The event fixtures under src/test/resources/events. */
public final class Fixtures {
  private Fixtures() {}

  public static InputStream event(String name) {
    InputStream stream = Fixtures.class.getResourceAsStream("/events/" + name);
    if (stream == null) {
      throw new IllegalArgumentException("no fixture events/" + name);
    }
    return stream;
  }

  public static String eventText(String name) {
    try (InputStream stream = event(name)) {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
