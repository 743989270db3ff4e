package io.platform.toolchain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An engine and the version it reports, as reports name it ("OpenTofu 1.12.6").
 *
 * @param version as {@code version -json} gives it, e.g. {@code 1.11.4}
 */
public record EngineRelease(Engine engine, String version) {
  private static final Pattern CORE = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)(.*)");

  public EngineRelease {
    if (!CORE.matcher(version).matches()) {
      throw new IllegalArgumentException(
          engine.productName() + " reported version '" + version + "', not x.y.z");
    }
  }

  /**
   * Whether a state written by {@code writtenBy} (its {@code terraform_version}) is newer than this
   * release: both engines refuse such a state, so the tools refuse it first. Only x.y.z is
   * compared; an unreadable version is not newer.
   */
  public boolean olderThan(String writtenBy) {
    Matcher theirs = CORE.matcher(writtenBy == null ? "" : writtenBy);
    if (!theirs.matches()) {
      return false;
    }
    Matcher ours = CORE.matcher(version);
    ours.matches();
    for (int part = 1; part <= 3; part++) {
      int difference =
          Long.compare(Long.parseLong(ours.group(part)), Long.parseLong(theirs.group(part)));
      if (difference != 0) {
        return difference < 0;
      }
    }
    return false;
  }

  /**
   * Writes {@code "engine": {"name": "tofu", "version": "1.12.6"}} into a report; nothing for null.
   */
  public static void write(EngineRelease release, ObjectNode report) {
    if (release != null) {
      report
          .putObject("engine")
          .put("name", release.engine().command())
          .put("version", release.version());
    }
  }

  /** Reads what {@link #write} wrote; null when the report names no engine. */
  public static EngineRelease read(JsonNode report) {
    JsonNode engine = report.path("engine");
    return engine.isObject()
        ? new EngineRelease(
            Engine.named(engine.path("name").asText()), engine.path("version").asText())
        : null;
  }

  @Override
  public String toString() {
    return engine.productName() + " " + version;
  }
}
