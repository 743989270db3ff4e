package io.platform.migrate.slice;

import java.util.List;

/**
 * The monolith divided: the units in name order, what was excluded on purpose, and the data sources
 * outside the prefix (they hold no infrastructure and are read again by whoever needs them).
 *
 * @param excludedInstances the instances of the excluded resources
 * @param leftBehindInstances the instances of those data sources
 */
public record SliceResult(
    List<UnitSlice> units,
    List<String> excluded,
    List<String> leftBehind,
    int excludedInstances,
    int leftBehindInstances) {
  public SliceResult {
    units = List.copyOf(units);
    excluded = List.copyOf(excluded);
    leftBehind = List.copyOf(leftBehind);
  }

  public UnitSlice unit(String name) {
    return units.stream().filter(u -> u.unit().equals(name)).findFirst().orElse(null);
  }
}
