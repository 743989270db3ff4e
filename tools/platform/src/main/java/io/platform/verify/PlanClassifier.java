package io.platform.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.platform.exec.ExecException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides a unit's verdict from {@code terraform show -json} of its plan, never from the exit code:
 * exit code 2 also comes from output-only changes, moves, imports and deferred reads.
 */
public final class PlanClassifier {

  /** Attribute paths kept per resource, so a huge diff stays readable. */
  static final int MAX_PATHS = 40;

  private PlanClassifier() {}

  /**
   * @throws ExecException for a plan in a format this reader does not know (not 1.x, the format
   *     Terraform 1.x and OpenTofu 1.x write): its fields may mean something else
   */
  public static PlanSummary classify(JsonNode plan) {
    String format = plan.path("format_version").asText("");
    if (!format.startsWith("1.")) {
      throw new ExecException(
          "the plan JSON has format_version '"
              + format
              + "'; platform reads 1.x, as Terraform 1.x"
              + " and OpenTofu 1.x write it",
          null);
    }
    Map<ChangeAction, Integer> counts = new EnumMap<>(ChangeAction.class);
    List<ResourceChange> changes = new ArrayList<>();
    List<String> deferredReads = new ArrayList<>();
    for (JsonNode resource : plannedResources(plan)) {
      String address = resource.path("address").asText();
      JsonNode change = resource.path("change");
      List<String> actions = texts(change.path("actions"));
      if (actions.equals(List.of("read"))) {
        deferredReads.add(address);
        continue;
      }
      Set<ChangeAction> kinds = actionsOf(actions);
      String previous = resource.path("previous_address").asText(null);
      if (previous != null && !previous.equals(address)) {
        kinds.add(ChangeAction.MOVE);
      }
      if (change.hasNonNull("importing")) {
        kinds.add(ChangeAction.IMPORT);
      }
      if (kinds.isEmpty()) {
        continue;
      }
      kinds.forEach(kind -> counts.merge(kind, 1, Integer::sum));
      changes.add(
          new ResourceChange(
              address, previous, kinds, render(cutAtSensitive(changedPaths(change), change))));
    }

    List<String> drifted = relevantDrift(plan);
    List<String> changedOutputs = new ArrayList<>();
    for (Map.Entry<String, JsonNode> output : plan.path("output_changes").properties()) {
      if (!texts(output.getValue().path("actions")).equals(List.of("no-op"))) {
        changedOutputs.add(output.getKey());
      }
    }

    Verdict verdict;
    if (plan.path("errored").asBoolean(false)) {
      verdict = Verdict.ERROR;
    } else if (!changes.isEmpty()) {
      verdict = Verdict.CHANGES;
    } else if (!drifted.isEmpty()) {
      verdict = Verdict.DRIFT_ONLY;
    } else if (!changedOutputs.isEmpty()) {
      verdict = Verdict.OUTPUT_ONLY;
    } else {
      verdict = Verdict.CLEAN;
    }
    return new PlanSummary(verdict, counts, changes, drifted, changedOutputs, deferredReads);
  }

  /** The planned resource changes, and those Terraform (1.9+) deferred: changes still to come. */
  private static List<JsonNode> plannedResources(JsonNode plan) {
    List<JsonNode> resources = new ArrayList<>();
    plan.path("resource_changes").forEach(resources::add);
    plan.path("deferred_changes")
        .forEach(deferred -> resources.add(deferred.path("resource_change")));
    return resources;
  }

  private static Set<ChangeAction> actionsOf(List<String> actions) {
    Set<ChangeAction> kinds = EnumSet.noneOf(ChangeAction.class);
    if (actions.contains("create") && actions.contains("delete")) {
      kinds.add(ChangeAction.REPLACE);
      return kinds;
    }
    for (String action : actions) {
      switch (action) {
        case "create" -> kinds.add(ChangeAction.CREATE);
        case "update" -> kinds.add(ChangeAction.UPDATE);
        case "delete" -> kinds.add(ChangeAction.DELETE);
        case "forget" -> kinds.add(ChangeAction.FORGET);
        default -> {
          // "no-op" and "read" change nothing.
        }
      }
    }
    return kinds;
  }

  /**
   * Drift that matters: Terraform lists every refreshed difference in {@code resource_drift},
   * including computed values that settle after apply (a route table gaining its routes). Like
   * Terraform's own renderer, keep only drift in attributes the plan depends on ({@code
   * relevant_attributes}, omitted from the JSON when empty), and any object that disappeared.
   */
  private static List<String> relevantDrift(JsonNode plan) {
    Map<String, List<List<Object>>> relevant = new HashMap<>();
    for (JsonNode entry : plan.path("relevant_attributes")) {
      relevant
          .computeIfAbsent(entry.path("resource").asText(), k -> new ArrayList<>())
          .add(pathOf(entry.path("attribute")));
    }
    List<String> drifted = new ArrayList<>();
    for (JsonNode resource : plan.path("resource_drift")) {
      String address = resource.path("address").asText();
      JsonNode change = resource.path("change");
      if (texts(change.path("actions")).contains("delete")) {
        drifted.add(address);
        continue;
      }
      List<List<Object>> wanted = relevant.getOrDefault(address, List.of());
      boolean matters =
          changedPaths(change).stream()
              .anyMatch(path -> wanted.stream().anyMatch(want -> overlaps(path, want)));
      if (matters) {
        drifted.add(address);
      }
    }
    return drifted;
  }

  /** Paths whose value differs between before and after, or is unknown until apply. */
  static List<List<Object>> changedPaths(JsonNode change) {
    List<List<Object>> paths = new ArrayList<>();
    diff(change.path("before"), change.path("after"), new ArrayList<>(), paths);
    unknown(change.path("after_unknown"), new ArrayList<>(), paths);
    return paths;
  }

  /**
   * Each path cut at the sensitive value holding it: the keys inside a sensitive map are part of
   * its value, which Terraform shows only as "(sensitive value)".
   */
  private static List<List<Object>> cutAtSensitive(List<List<Object>> paths, JsonNode change) {
    Set<List<Object>> cut = new LinkedHashSet<>();
    for (List<Object> path : paths) {
      cut.add(path.subList(0, stepsOutsideSensitive(path, change)));
    }
    return new ArrayList<>(cut);
  }

  private static int stepsOutsideSensitive(List<Object> path, JsonNode change) {
    JsonNode before = change.path("before_sensitive");
    JsonNode after = change.path("after_sensitive");
    for (int i = 0; i < path.size(); i++) {
      if (before.asBoolean(false) || after.asBoolean(false)) {
        return i;
      }
      before = step(before, path.get(i));
      after = step(after, path.get(i));
    }
    return path.size();
  }

  private static JsonNode step(JsonNode node, Object step) {
    return step instanceof Integer index ? node.path(index) : node.path((String) step);
  }

  private static void diff(
      JsonNode before, JsonNode after, List<Object> at, List<List<Object>> out) {
    if (before.equals(after)) {
      return;
    }
    if (before.isObject() && after.isObject()) {
      Set<String> keys = new TreeSet<>();
      before.fieldNames().forEachRemaining(keys::add);
      after.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        diff(before.path(key), after.path(key), append(at, key), out);
      }
    } else if (before.isArray() && after.isArray() && before.size() == after.size()) {
      for (int i = 0; i < before.size(); i++) {
        diff(before.get(i), after.get(i), append(at, i), out);
      }
    } else {
      out.add(at);
    }
  }

  private static void unknown(JsonNode node, List<Object> at, List<List<Object>> out) {
    if (node.isBoolean() && node.asBoolean()) {
      if (!out.contains(at)) {
        out.add(at);
      }
    } else if (node.isObject()) {
      node.properties().forEach(e -> unknown(e.getValue(), append(at, e.getKey()), out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        unknown(node.get(i), append(at, i), out);
      }
    }
  }

  private static boolean overlaps(List<Object> a, List<Object> b) {
    int n = Math.min(a.size(), b.size());
    return a.subList(0, n).equals(b.subList(0, n));
  }

  private static List<Object> pathOf(JsonNode steps) {
    List<Object> path = new ArrayList<>();
    for (JsonNode step : steps) {
      path.add(step.isNumber() ? (Object) step.asInt() : step.asText());
    }
    return path;
  }

  private static List<Object> append(List<Object> path, Object step) {
    List<Object> next = new ArrayList<>(path);
    next.add(step);
    return next;
  }

  private static List<String> render(List<List<Object>> paths) {
    List<String> rendered = new ArrayList<>();
    for (List<Object> path : paths) {
      if (rendered.size() == MAX_PATHS) {
        rendered.add("... " + (paths.size() - MAX_PATHS) + " more");
        break;
      }
      StringBuilder text = new StringBuilder();
      for (Object step : path) {
        if (step instanceof Integer index) {
          text.append('[').append(index).append(']');
        } else {
          text.append(text.length() == 0 ? "" : ".").append(step);
        }
      }
      rendered.add(text.length() == 0 ? "(whole object)" : text.toString());
    }
    return rendered;
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asText()));
    return values;
  }
}
