package io.platform.verify;

import io.platform.text.Count;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which units a report covers and why.
 *
 * @param description how they were chosen, e.g. "every unit" or "affected since main (3 files
 *     changed)"
 * @param reasons unit name to why it was chosen, for the units of this report; empty when every
 *     unit was chosen
 * @param selected how many units were chosen, in every share together
 * @param candidates how many units the tree holds
 * @param shard the share of the chosen units this report covers, e.g. "2/3", or null for all
 */
public record Scope(
    String description, Map<String, String> reasons, int selected, int candidates, String shard) {
  static final String EVERY_UNIT = "every unit";

  public Scope {
    reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
  }

  public static Scope everyUnit(int units) {
    return new Scope(EVERY_UNIT, Map.of(), units, units, null);
  }

  /** This scope for one share, holding the reasons of that share's units only. */
  public Scope share(String share, Set<String> units) {
    Map<String, String> kept = new LinkedHashMap<>();
    reasons.forEach(
        (unit, reason) -> {
          if (units.contains(unit)) {
            kept.put(unit, reason);
          }
        });
    return new Scope(description, kept, selected, candidates, share);
  }

  /** Whether units were chosen one by one, each with a reason (possibly none of them). */
  public boolean selective() {
    return !EVERY_UNIT.equals(description);
  }

  /** Whether the report says anything about its scope: chosen units, or one share of them. */
  public boolean worthSaying() {
    return selective() || shard != null;
  }

  /**
   * One line for the head of a report, e.g. "affected since main (3 files changed): 4 of 7 units,
   * share 1/2 (2 here)".
   */
  public String headline(int verified) {
    String line =
        description
            + ": "
            + (selective()
                ? selected + " of " + Count.of(candidates, "unit")
                : Count.of(candidates, "unit"));
    return shard == null ? line : line + ", share " + shard + " (" + verified + " here)";
  }
}
