package io.platform.verify;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A plan reduced to what a reviewer needs: the verdict, counts per action, and addresses.
 *
 * @param drifted resources changed outside Terraform in attributes the plan depends on
 * @param changedOutputs root outputs whose value would change
 * @param deferredReads data sources Terraform will read at apply time (reported, not a change)
 */
public record PlanSummary(
    Verdict verdict,
    Map<ChangeAction, Integer> counts,
    List<ResourceChange> changes,
    List<String> drifted,
    List<String> changedOutputs,
    List<String> deferredReads) {

  public PlanSummary {
    EnumMap<ChangeAction, Integer> all = new EnumMap<>(ChangeAction.class);
    for (ChangeAction action : ChangeAction.values()) {
      all.put(action, counts.getOrDefault(action, 0));
    }
    counts = Collections.unmodifiableMap(all);
    changes = List.copyOf(changes);
    drifted = List.copyOf(drifted);
    changedOutputs = List.copyOf(changedOutputs);
    deferredReads = List.copyOf(deferredReads);
  }

  /** A plan with nothing to do. */
  public static PlanSummary clean() {
    return new PlanSummary(Verdict.CLEAN, Map.of(), List.of(), List.of(), List.of(), List.of());
  }

  public int count(ChangeAction action) {
    return counts.get(action);
  }

  public int totalChanges() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }
}
