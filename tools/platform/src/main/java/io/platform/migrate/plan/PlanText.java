package io.platform.migrate.plan;

import io.platform.migrate.slice.Move;
import io.platform.migrate.wiring.CrossingReference;
import io.platform.text.Count;
import java.util.Map;
import java.util.TreeMap;

/** The plan for people: per unit, every instance from its monolith address to its unit address. */
public final class PlanText {
  private PlanText() {}

  public static String render(MigrationPlan plan) {
    StringBuilder out = new StringBuilder();
    out.append("source: ")
        .append(plan.source().spec())
        .append(" (serial ")
        .append(plan.sourceSerial())
        .append(", sha256 ")
        .append(plan.sourceSha256())
        .append(")\n");
    out.append("prefix: ").append(plan.mapping().prefix()).append('\n');
    out.append("into:   ").append(plan.destination()).append('\n');
    if (plan.engine() != null) {
      out.append("engine: ").append(plan.engine()).append('\n');
    }
    out.append('\n');
    for (PlannedUnit unit : plan.units()) {
      out.append("unit ")
          .append(unit.name())
          .append(" -> ")
          .append(unit.store().describe())
          .append('\n');
      out.append("  ")
          .append(
              unit.existing() == null
                  ? "new state: lineage " + unit.lineage() + ", serial " + unit.serial()
                  : "adds to the existing state: lineage "
                      + unit.lineage()
                      + ", serial "
                      + unit.existing().serial()
                      + " -> "
                      + unit.serial())
          .append("; ")
          .append(Count.of(unit.resources(), "resource"))
          .append(", ")
          .append(Count.of(unit.moves().size(), "instance"));
      if (unit.droppedDependencies() > 0) {
        out.append("; ")
            .append(Count.of(unit.droppedDependencies(), "dependency", "dependencies"))
            .append(" on other units dropped");
      }
      out.append('\n');
      if (!unit.dependsOn().isEmpty()) {
        out.append("  after ").append(String.join(", ", unit.dependsOn())).append('\n');
      }
      for (Map.Entry<String, String> provider : new TreeMap<>(unit.providers()).entrySet()) {
        out.append("  provider ")
            .append(provider.getKey())
            .append(" -> ")
            .append(provider.getValue())
            .append('\n');
      }
      for (Move move : unit.moves()) {
        out.append("  ").append(move.from()).append(" -> ").append(move.to()).append('\n');
      }
      out.append('\n');
    }
    if (!plan.excluded().isEmpty()) {
      out.append("excluded (stay in the monolith):\n");
      plan.excluded().forEach(x -> out.append("  ").append(x).append('\n'));
    }
    if (!plan.leftBehind().isEmpty()) {
      out.append("data sources outside the prefix (not migrated):\n");
      plan.leftBehind().forEach(x -> out.append("  ").append(x).append('\n'));
    }
    if (plan.wiring() != null) {
      renderWiring(plan.wiring(), out);
    }
    out.append(Count.of(plan.units().size(), "unit"))
        .append(", ")
        .append(Count.of(plan.instanceCount(), "instance"))
        .append('\n');
    if (plan.accounting() != null) {
      out.append("every instance placed once: ").append(plan.accounting().describe()).append('\n');
    }
    return out.toString();
  }

  private static void renderWiring(Wiring wiring, StringBuilder out) {
    out.append("references crossing units (read from ")
        .append(wiring.config())
        .append(
            wiring.checked() ? ", checked against the live tree" : ", not checked: no live tree")
        .append("): ")
        .append(wiring.references().size());
    if (wiring.checked()) {
      out.append(", ").append(wiring.unwired().size()).append(" not wired");
    }
    out.append('\n');
    for (CrossingReference reference : wiring.references()) {
      out.append("  ").append(reference.describe());
      out.append(wiring.checked() && reference.wired() ? ": wired" : "").append('\n');
      if (wiring.checked()) {
        reference.problems().forEach(p -> out.append("    missing: ").append(p).append('\n'));
      }
    }
    out.append('\n');
  }
}
