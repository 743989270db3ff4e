package io.platform.verify.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platform.live.Unit;
import io.platform.toolchain.EngineRelease;
import io.platform.verify.ChangeAction;
import io.platform.verify.PlanSummary;
import io.platform.verify.ResourceChange;
import io.platform.verify.Scope;
import io.platform.verify.UnitResult;
import io.platform.verify.Verdict;
import io.platform.verify.VerifyReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The report for machines: every verdict, count and address; reads back to the same report. */
public final class JsonReport {
  /** Bumped when a field changes meaning or disappears. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  public static String write(VerifyReport report, boolean allowOutputOnly) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format_version", FORMAT_VERSION);
    root.put("root", report.root().toString());
    root.put("elapsed_ms", report.elapsed().toMillis());
    root.put("exit_code", report.exitCode(allowOutputOnly).code());
    EngineRelease.write(report.engine(), root);
    Scope scope = report.scope();
    ObjectNode selection = root.putObject("selection");
    selection.put("description", scope.description());
    selection.put("selected", scope.selected());
    selection.put("candidates", scope.candidates());
    if (scope.shard() != null) {
      selection.put("shard", scope.shard());
    }
    ObjectNode reasons = selection.putObject("reasons");
    scope.reasons().forEach(reasons::put);
    ArrayNode units = root.putArray("units");
    for (UnitResult result : report.results()) {
      ObjectNode unit = units.addObject();
      unit.put("name", result.unit().name());
      unit.put("dir", result.unit().dir().toString());
      unit.put("verdict", result.verdict().label());
      unit.put("elapsed_ms", result.elapsed().toMillis());
      if (result.error() != null) {
        unit.put("error", result.error());
      }
      if (result.summary() != null) {
        writeSummary(result.summary(), unit.putObject("plan"));
      }
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeSummary(PlanSummary summary, ObjectNode plan) {
    ObjectNode counts = plan.putObject("counts");
    for (ChangeAction action : ChangeAction.values()) {
      counts.put(action.label(), summary.count(action));
    }
    ArrayNode changes = plan.putArray("changes");
    for (ResourceChange change : summary.changes()) {
      ObjectNode node = changes.addObject();
      node.put("address", change.address());
      if (change.previousAddress() != null) {
        node.put("previous_address", change.previousAddress());
      }
      ArrayNode actions = node.putArray("actions");
      for (ChangeAction action : ChangeAction.values()) {
        if (change.actions().contains(action)) {
          actions.add(action.label());
        }
      }
      change.changedAttributes().forEach(node.putArray("changed_attributes")::add);
    }
    summary.drifted().forEach(plan.putArray("drifted")::add);
    summary.changedOutputs().forEach(plan.putArray("changed_outputs")::add);
    summary.deferredReads().forEach(plan.putArray("deferred_reads")::add);
  }

  /** Reads a report written by {@link #write}. */
  public static VerifyReport read(String json) {
    try {
      JsonNode root = JSON.readTree(json);
      if (!root.isObject() || !root.has("format_version") || !root.path("units").isArray()) {
        throw new IllegalArgumentException("not a verify report (no format_version and units)");
      }
      int version = root.path("format_version").asInt(-1);
      if (version != FORMAT_VERSION) {
        throw new IllegalArgumentException(
            "unsupported report format_version "
                + version
                + " (this platform reads "
                + FORMAT_VERSION
                + ")");
      }
      List<UnitResult> results = new ArrayList<>();
      for (JsonNode unit : root.path("units")) {
        Unit u = new Unit(Path.of(unit.path("dir").asText()), unit.path("name").asText());
        Duration elapsed = Duration.ofMillis(unit.path("elapsed_ms").asLong());
        Verdict verdict = verdictOf(unit.path("verdict").asText());
        PlanSummary summary = unit.has("plan") ? readSummary(verdict, unit.path("plan")) : null;
        results.add(new UnitResult(u, verdict, summary, unit.path("error").asText(null), elapsed));
      }
      JsonNode selection = root.path("selection");
      Map<String, String> reasons = new LinkedHashMap<>();
      selection
          .path("reasons")
          .properties()
          .forEach(e -> reasons.put(e.getKey(), e.getValue().asText()));
      Scope scope =
          selection.isMissingNode()
              ? Scope.everyUnit(results.size())
              : new Scope(
                  selection.path("description").asText(),
                  reasons,
                  selection.path("selected").asInt(results.size()),
                  selection.path("candidates").asInt(results.size()),
                  selection.path("shard").asText(null));
      return new VerifyReport(
          Path.of(root.path("root").asText()),
          results,
          Duration.ofMillis(root.path("elapsed_ms").asLong()),
          scope,
          EngineRelease.read(root));
    } catch (IOException e) {
      throw new IllegalArgumentException("not a verify report: " + e.getMessage(), e);
    }
  }

  private static PlanSummary readSummary(Verdict verdict, JsonNode plan) {
    Map<ChangeAction, Integer> counts = new EnumMap<>(ChangeAction.class);
    for (ChangeAction action : ChangeAction.values()) {
      counts.put(action, plan.path("counts").path(action.label()).asInt());
    }
    List<ResourceChange> changes = new ArrayList<>();
    for (JsonNode change : plan.path("changes")) {
      Set<ChangeAction> actions = EnumSet.noneOf(ChangeAction.class);
      change
          .path("actions")
          .forEach(a -> actions.add(ChangeAction.valueOf(a.asText().toUpperCase(Locale.ROOT))));
      changes.add(
          new ResourceChange(
              change.path("address").asText(),
              change.path("previous_address").asText(null),
              actions,
              texts(change.path("changed_attributes"))));
    }
    return new PlanSummary(
        verdict,
        counts,
        changes,
        texts(plan.path("drifted")),
        texts(plan.path("changed_outputs")),
        texts(plan.path("deferred_reads")));
  }

  private static Verdict verdictOf(String label) {
    for (Verdict verdict : Verdict.values()) {
      if (verdict.label().equals(label)) {
        return verdict;
      }
    }
    throw new IllegalArgumentException("unknown verdict '" + label + "'");
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
