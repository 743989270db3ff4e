package io.platform.migrate.plan;

import io.platform.migrate.config.Mapping;
import io.platform.toolchain.EngineRelease;
import java.util.List;

/**
 * A reviewable, saved migration: where the monolith is and which exact bytes were planned
 * (SHA-256), the mapping, and per unit in dependency order every source and destination address. It
 * holds addresses only, never attribute values.
 *
 * @param destination the live tree or state directory the units are in
 * @param excluded resources left in the monolith on purpose
 * @param leftBehind data sources outside the prefix (not migrated; they hold no infrastructure)
 * @param engine the engine the plan was made for, or null (a plan that does not name it)
 * @param wiring the references that cross units, or null when the plan was made without the
 *     monolith's configuration
 * @param accounting where every instance of the source goes, or null in a plan saved without it
 */
public record MigrationPlan(
    String created,
    SourceRef source,
    String sourceSha256,
    String sourceLineage,
    long sourceSerial,
    Mapping mapping,
    String destination,
    List<PlannedUnit> units,
    List<String> excluded,
    List<String> leftBehind,
    EngineRelease engine,
    Wiring wiring,
    Accounting accounting) {

  public MigrationPlan {
    units = List.copyOf(units);
    excluded = List.copyOf(excluded);
    leftBehind = List.copyOf(leftBehind);
  }

  public int instanceCount() {
    return units.stream().mapToInt(u -> u.moves().size()).sum();
  }
}
