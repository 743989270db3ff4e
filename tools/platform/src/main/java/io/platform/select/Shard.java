package io.platform.select;

import io.platform.live.Unit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of {@code count} deterministic shares of a selection of units, for spreading a tree over CI
 * runners: every unit lands in exactly one share, whatever share is asked for, and the shares are
 * balanced by each unit's last known time (longest first, each to the share with the least so far),
 * or by number of units when no time is known.
 *
 * @param index 1-based, as written: {@code 2/3} is the second of three
 */
public record Shard(int index, int count) {
  private static final Pattern SPEC = Pattern.compile("(\\d{1,6})/(\\d{1,6})");

  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException(
          "--shard "
              + index
              + "/"
              + count
              + ": the share must be K/N with 1 <= K <= N, e.g. 1/2 and 2/2");
    }
  }

  /** Parses {@code K/N}. */
  public static Shard parse(String spec) {
    Matcher matcher = SPEC.matcher(spec.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "--shard " + spec + ": expected K/N, e.g. 1/2 for the first of two shares");
    }
    return new Shard(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
  }

  /**
   * This share of {@code units}, in their given order.
   *
   * @param millis last known time of each unit by name (units without one count as the median of
   *     those known, or all alike when none is known)
   */
  public List<Unit> of(List<Unit> units, Map<String, Long> millis) {
    List<Long> known =
        units.stream().map(u -> millis.get(u.name())).filter(m -> m != null).sorted().toList();
    long typical = known.isEmpty() ? 1 : Math.max(1, known.get(known.size() / 2));
    List<Unit> heaviestFirst = new ArrayList<>(units);
    heaviestFirst.sort(
        Comparator.comparingLong((Unit u) -> millis.getOrDefault(u.name(), typical))
            .reversed()
            .thenComparing(Unit::name));
    long[] loads = new long[count];
    Map<String, Integer> assigned = new HashMap<>();
    for (Unit unit : heaviestFirst) {
      int lightest = 0;
      for (int i = 1; i < count; i++) {
        if (loads[i] < loads[lightest]) {
          lightest = i;
        }
      }
      loads[lightest] += millis.getOrDefault(unit.name(), typical);
      assigned.put(unit.name(), lightest);
    }
    return units.stream().filter(u -> assigned.get(u.name()) == index - 1).toList();
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
