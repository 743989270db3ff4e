package io.platform.migrate.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platform.migrate.apply.ApplyReport;
import io.platform.migrate.apply.UnitOutcome;
import io.platform.migrate.state.StateJson;
import io.platform.toolchain.EngineRelease;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The apply report for machines: every unit's action and verdicts, and the source check. */
public final class ApplyReportJson {
  private ApplyReportJson() {}

  public static String write(ApplyReport report) {
    ObjectNode root = StateJson.mapper().createObjectNode();
    root.put("plan", report.plan());
    root.put("exit_code", report.exitCode().code());
    root.put("elapsed_seconds", report.elapsed().toMillis() / 1000.0);
    root.put("error", report.error());
    EngineRelease.write(report.engine(), root);
    ObjectNode source = root.putObject("source");
    if (report.source() != null) {
      source
          .put("location", report.source().location())
          .put("sha256_before", report.source().before())
          .put("sha256_snapshot_after", report.source().snapshotAfter())
          .put("sha256_source_after", report.source().sourceAfter())
          .put("unchanged", report.source().unchanged());
    }
    ArrayNode units = root.putArray("units");
    for (UnitOutcome unit : report.units()) {
      units
          .addObject()
          .put("unit", unit.unit())
          .put("destination", unit.destination())
          .put("action", unit.action().name().toLowerCase(Locale.ROOT))
          .put("state_in_place", unit.action().stateInPlace())
          .put("local_plan", unit.localVerdict() == null ? null : unit.localVerdict().label())
          .put("remote_plan", unit.remoteVerdict() == null ? null : unit.remoteVerdict().label())
          .put("outputs_materialized", unit.materialized())
          .put("succeeded", unit.succeeded())
          .put("message", unit.message())
          .put("elapsed_seconds", unit.elapsed().toMillis() / 1000.0);
    }
    return new String(StateJson.write(root), StandardCharsets.UTF_8);
  }
}
