package io.platform.verify;

import io.platform.live.Unit;
import java.time.Duration;

/**
 * The verdict on one unit.
 *
 * @param summary the classified plan, or null when the unit errored before a plan existed
 * @param error the first useful error line when the verdict is {@link Verdict#ERROR}, else null
 */
public record UnitResult(
    Unit unit, Verdict verdict, PlanSummary summary, String error, Duration elapsed) {

  static UnitResult error(Unit unit, String error, Duration elapsed) {
    return new UnitResult(unit, Verdict.ERROR, null, error, elapsed);
  }

  static UnitResult planned(Unit unit, PlanSummary summary, Duration elapsed) {
    String error =
        summary.verdict() == Verdict.ERROR ? "plan: Terraform marked the plan as errored" : null;
    return new UnitResult(unit, summary.verdict(), summary, error, elapsed);
  }
}
