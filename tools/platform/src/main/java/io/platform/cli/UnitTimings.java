package io.platform.cli;

import io.platform.verify.UnitResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** How long each unit took in an earlier run, from its JSON report, to balance shards by. */
final class UnitTimings {
  private UnitTimings() {}

  static Map<String, Long> read(Path report) {
    Map<String, Long> millis = new LinkedHashMap<>();
    for (UnitResult result : ReportFiles.report(report).results()) {
      millis.put(result.unit().name(), result.elapsed().toMillis());
    }
    return millis;
  }
}
