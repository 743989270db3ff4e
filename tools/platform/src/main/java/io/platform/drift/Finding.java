package io.platform.drift;

import java.time.Instant;
import java.util.List;

/**
 * One unit that is not what the code says, and since when it has been so.
 *
 * @param unit the unit's name in its tree
 * @param kind its verdict: changes, drift-only, output-only or error
 * @param since when a run first saw this unit in this kind, carried from run to run
 * @param what the one-line headline of the unit's plan (or its error)
 * @param details a line per resource change and drift, or the error (none for a finding read back)
 */
public record Finding(String unit, String kind, Instant since, String what, List<String> details) {

  public Finding {
    details = List.copyOf(details);
  }

  /** What identifies a finding from one run to the next: a new unit or a new kind is news. */
  public String key() {
    return unit + "\u0000" + kind;
  }
}
