package io.platform.migrate.apply;

import io.platform.exit.ExitCode;
import io.platform.migrate.storage.Snapshot;
import io.platform.toolchain.EngineRelease;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of {@code migrate apply}.
 *
 * @param source the end-of-run check of the monolith (null only if the snapshot was never taken)
 * @param error a run-level failure outside any one unit, or null
 * @param engine the engine that planned the units, or null where none ran
 */
public record ApplyReport(
    String plan,
    Snapshot.Check source,
    List<UnitOutcome> units,
    String error,
    Duration elapsed,
    EngineRelease engine) {

  public ApplyReport {
    units = List.copyOf(units);
  }

  /**
   * 0 every unit in place and verified, 3 something refused (nothing written for it), 2 a unit
   * plans resource changes or drift, 1 anything else (an error, or the source changed).
   */
  public ExitCode exitCode() {
    if (error != null || source == null || !source.unchanged()) {
      return ExitCode.ERROR;
    }
    if (units.stream().anyMatch(u -> u.action() == UnitOutcome.Action.REFUSED)) {
      return ExitCode.REFUSED;
    }
    if (units.stream().allMatch(UnitOutcome::succeeded)) {
      return ExitCode.OK;
    }
    return units.stream().anyMatch(UnitOutcome::plansChanges) ? ExitCode.CHANGES : ExitCode.ERROR;
  }
}
