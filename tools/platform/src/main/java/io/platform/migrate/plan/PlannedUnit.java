package io.platform.migrate.plan;

import io.platform.migrate.slice.Move;
import io.platform.migrate.storage.StoreSpec;
import java.util.List;
import java.util.Map;

/**
 * One unit in a migration plan.
 *
 * @param lineage the lineage the unit's state will have (new, or the existing state's)
 * @param serial the serial it will be written with
 * @param existing the unit state found when planning, or null when there was none
 * @param resources how many resources (not instances) it receives
 * @param dependsOn the units of this plan that apply finishes before it starts this one
 */
public record PlannedUnit(
    String name,
    StoreSpec store,
    String lineage,
    long serial,
    Existing existing,
    int resources,
    List<Move> moves,
    Map<String, String> providers,
    int droppedDependencies,
    List<String> dependsOn) {

  public PlannedUnit {
    moves = List.copyOf(moves);
    providers = Map.copyOf(providers);
    dependsOn = List.copyOf(dependsOn);
  }

  /** The unit state that was there when planning; apply adds to it only if it is unchanged. */
  public record Existing(String lineage, long serial, String sha256) {}
}
