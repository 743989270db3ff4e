package io.platform.migrate.plan;

import io.platform.migrate.slice.SliceResult;
import io.platform.migrate.state.StateResource;
import io.platform.text.Count;
import java.util.List;

/**
 * Where every resource instance of the source goes: each lands in exactly one unit, or stays in the
 * monolith as an exclusion or a data source outside the prefix.
 *
 * @param source the instances in the source state, deposed objects included
 * @param units the instances the plan moves into units
 * @param excluded the instances of excluded resources
 * @param leftBehind the instances of data sources outside the prefix
 */
public record Accounting(int source, int units, int excluded, int leftBehind) {

  /** The accounting of {@code slices}, cut from a state of {@code resources}. */
  public static Accounting of(List<StateResource> resources, SliceResult slices) {
    return new Accounting(
        instances(resources),
        slices.units().stream().mapToInt(u -> u.moves().size()).sum(),
        slices.excludedInstances(),
        slices.leftBehindInstances());
  }

  /** The instance objects of {@code resources}, deposed ones included. */
  public static int instances(List<StateResource> resources) {
    return resources.stream().mapToInt(r -> r.instances().size()).sum();
  }

  /** Whether the source's instances are exactly those placed: none lost, none twice. */
  public boolean balanced() {
    return source == units + excluded + leftBehind;
  }

  /** {@code 5000 instances in the source = 4990 in units + 8 excluded + 2 left behind} */
  public String describe() {
    return Count.of(source, "instance")
        + " in the source "
        + (balanced() ? "=" : "!=")
        + " "
        + units
        + " in units + "
        + excluded
        + " excluded + "
        + leftBehind
        + " data source"
        + (leftBehind == 1 ? "" : "s")
        + " left behind";
  }
}
