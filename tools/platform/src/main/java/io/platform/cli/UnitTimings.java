package io.platform.cli;

import io.platform.verify.UnitResult;
import io.platform.verify.report.JsonReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** How long each unit took in an earlier run, from its JSON report, to balance shards by. */
final class UnitTimings {
  private UnitTimings() {}

  static Map<String, Long> read(Path report) {
    String json;
    try {
      json = Files.readString(report);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the timings report " + report + ": " + e.getMessage(), e);
    }
    Map<String, Long> millis = new LinkedHashMap<>();
    try {
      for (UnitResult result : JsonReport.read(json).results()) {
        millis.put(result.unit().name(), result.elapsed().toMillis());
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(report + ": " + e.getMessage(), e);
    }
    return millis;
  }
}
