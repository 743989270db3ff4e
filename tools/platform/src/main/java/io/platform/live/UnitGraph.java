package io.platform.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The units of a tree in dependency order (dependencies first) with the units each one depends on,
 * as {@code terragrunt find --json --dag --dependencies} reports them.
 *
 * @param order unit names, every unit after the units it depends on
 * @param dependencies unit name to the names it depends on
 */
public record UnitGraph(List<String> order, Map<String, List<String>> dependencies) {

  public UnitGraph {
    order = List.copyOf(order);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    dependencies.forEach((unit, deps) -> copy.put(unit, List.copyOf(deps)));
    dependencies = Collections.unmodifiableMap(copy);
  }

  public static UnitGraph fromFindJson(JsonNode found) {
    List<String> order = new ArrayList<>();
    Map<String, List<String>> dependencies = new LinkedHashMap<>();
    for (JsonNode entry : found) {
      if (!"unit".equals(entry.path("type").asText("unit"))) {
        continue;
      }
      String unit = entry.path("path").asText();
      order.add(unit);
      List<String> deps = new ArrayList<>();
      entry.path("dependencies").forEach(d -> deps.add(d.asText()));
      dependencies.put(unit, deps);
    }
    return new UnitGraph(order, dependencies);
  }

  /** The given units sorted into dependency order; units the graph does not know go last. */
  public List<Unit> ordered(List<Unit> units) {
    List<Unit> sorted = new ArrayList<>(units);
    sorted.sort(Comparator.comparingInt((Unit u) -> position(u.name())).thenComparing(Unit::name));
    return sorted;
  }

  /** Where Terragrunt runs the unit; units the graph does not know after all it knows. */
  private int position(String unit) {
    int index = order.indexOf(unit);
    return index < 0 ? Integer.MAX_VALUE : index;
  }

  /**
   * The graph among the given units only, and for each the given units it waits for, directly or
   * through units left out. The order is one to start them in: the unit heading the longest chain
   * of units waiting on it first (which keeps every unit after those it waits for), then
   * Terragrunt's order, then units the graph does not know, by name.
   */
  public UnitGraph restrictedTo(Collection<String> names) {
    Set<String> kept = new HashSet<>(names);
    List<String> sorted = new ArrayList<>(kept);
    sorted.sort(Comparator.comparingInt(this::position).thenComparing(Comparator.naturalOrder()));
    Map<String, List<String>> waits = new LinkedHashMap<>();
    for (String unit : sorted) {
      Set<String> found = new LinkedHashSet<>();
      Set<String> seen = new HashSet<>();
      Deque<String> next = new ArrayDeque<>(dependencies.getOrDefault(unit, List.of()));
      while (!next.isEmpty()) {
        String dep = next.pop();
        if (!seen.add(dep)) {
          continue;
        }
        if (kept.contains(dep)) {
          found.add(dep);
        } else {
          next.addAll(dependencies.getOrDefault(dep, List.of()));
        }
      }
      waits.put(unit, new ArrayList<>(found));
    }
    Map<String, Integer> chains = chainLengths(sorted, waits);
    sorted.sort(Comparator.comparing((String unit) -> chains.get(unit)).reversed());
    return new UnitGraph(sorted, waits);
  }

  /** Per unit, how many units the longest chain of units waiting on it holds, itself included. */
  private static Map<String, Integer> chainLengths(
      List<String> units, Map<String, List<String>> waits) {
    Map<String, List<String>> waitedOnBy = new HashMap<>();
    waits.forEach(
        (unit, deps) ->
            deps.forEach(d -> waitedOnBy.computeIfAbsent(d, k -> new ArrayList<>()).add(unit)));
    Map<String, Integer> lengths = new HashMap<>();
    units.forEach(unit -> chainLength(unit, waitedOnBy, lengths, new HashSet<>()));
    return lengths;
  }

  private static int chainLength(
      String unit,
      Map<String, List<String>> waitedOnBy,
      Map<String, Integer> lengths,
      Set<String> visiting) {
    Integer known = lengths.get(unit);
    if (known != null) {
      return known;
    }
    if (!visiting.add(unit)) {
      return 0; // a cycle, which Terragrunt refuses before this
    }
    int longest = 0;
    for (String dependant : waitedOnBy.getOrDefault(unit, List.of())) {
      longest = Math.max(longest, chainLength(dependant, waitedOnBy, lengths, visiting));
    }
    visiting.remove(unit);
    lengths.put(unit, longest + 1);
    return longest + 1;
  }

  /**
   * The names of the given units missing from the graph. Terragrunt leaves out the units of a
   * dependency cycle (warning only on its stderr); its paths are relative to {@code root}, which it
   * calls {@code .} when {@code root} is itself a unit.
   */
  public List<String> leftOut(Path root, List<Unit> units) {
    Set<Path> known = new HashSet<>();
    order.forEach(path -> known.add(root.resolve(path).normalize()));
    return units.stream().filter(unit -> !known.contains(unit.dir())).map(Unit::name).toList();
  }

  /** A Mermaid flowchart: an arrow from each unit to each unit it depends on. */
  public String mermaid() {
    List<String> nodes = nodes();
    StringBuilder out = new StringBuilder("flowchart TD\n");
    for (int i = 0; i < nodes.size(); i++) {
      out.append("  u").append(i).append("[\"").append(mermaidLabel(nodes.get(i))).append("\"]\n");
    }
    forEachEdge(
        (unit, dep) ->
            out.append("  u")
                .append(nodes.indexOf(unit))
                .append(" --> u")
                .append(nodes.indexOf(dep))
                .append('\n'));
    return out.toString();
  }

  /** Graphviz DOT, in the same direction as {@code terragrunt dag graph}. */
  public String dot() {
    StringBuilder out = new StringBuilder("digraph units {\n  rankdir=LR;\n");
    for (String unit : nodes()) {
      out.append("  ").append(dotId(unit)).append(";\n");
    }
    forEachEdge(
        (unit, dep) ->
            out.append("  ").append(dotId(unit)).append(" -> ").append(dotId(dep)).append(";\n"));
    return out.append("}\n").toString();
  }

  /** The units in order, then the units they depend on outside the graph (e.g. ../shared/dns). */
  private List<String> nodes() {
    Set<String> nodes = new LinkedHashSet<>(order);
    nodes.addAll(dependencies.keySet());
    forEachEdge((unit, dep) -> nodes.add(dep));
    return new ArrayList<>(nodes);
  }

  /** Each unit's dependencies by name: Terragrunt lists them in no stable order. */
  private void forEachEdge(BiConsumer<String, String> edge) {
    dependencies.forEach(
        (unit, deps) -> deps.stream().sorted().forEach(dep -> edge.accept(unit, dep)));
  }

  /**
   * Mermaid's entity codes for what would end the quoted label or be read as markup; {@code #}
   * first, since every code starts with it.
   */
  private static String mermaidLabel(String unit) {
    return unit.replace("#", "#35;")
        .replace("\"", "#quot;")
        .replace("<", "#lt;")
        .replace(">", "#gt;")
        .replace("&", "#amp;")
        .replace("`", "#96;");
  }

  private static String dotId(String unit) {
    return "\"" + unit.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
