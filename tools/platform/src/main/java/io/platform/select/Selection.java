package io.platform.select;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which units a run verifies and why: the reason of each, in the order they were selected.
 *
 * @param description how the units were chosen, for reports, e.g. "affected since main (3 files changed)"
 * @param reasons unit name to the one reason it was selected
 * @param candidates how many units the tree holds
 */
public record Selection(String description, Map<String, String> reasons, int candidates) {

  public Selection {
    reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
  }

  public boolean isEmpty() {
    return reasons.isEmpty();
  }

  public String reason(String unit) {
    return reasons.get(unit);
  }
}
