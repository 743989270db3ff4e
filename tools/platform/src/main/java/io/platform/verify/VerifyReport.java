package io.platform.verify;

import io.platform.exit.ExitCode;
import io.platform.toolchain.EngineRelease;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of verifying a tree of units.
 *
 * @param scope which units of the tree were verified and why
 * @param engine the engine that planned them, or null where not known (a report written before
 *     reports named it)
 */
public record VerifyReport(
    Path root, List<UnitResult> results, Duration elapsed, Scope scope, EngineRelease engine) {

  public VerifyReport {
    results = List.copyOf(results);
  }

  /** A report of every unit of the tree, its engine not yet named. */
  public VerifyReport(Path root, List<UnitResult> results, Duration elapsed) {
    this(root, results, elapsed, Scope.everyUnit(results.size()), null);
  }

  public VerifyReport withScope(Scope other) {
    return new VerifyReport(root, results, elapsed, other, engine);
  }

  public VerifyReport withEngine(EngineRelease release) {
    return new VerifyReport(root, results, elapsed, scope, release);
  }

  /** ", OpenTofu 1.12.6" for the summary lines; empty when the engine is not known. */
  public String engineSuffix() {
    return engine == null ? "" : ", " + engine;
  }

  /**
   * 0 when every unit is clean (output-only too when allowed), 1 when any unit errored, 2 when any
   * unit would change or drifted.
   */
  public ExitCode exitCode(boolean allowOutputOnly) {
    if (results.stream().anyMatch(r -> r.verdict() == Verdict.ERROR)) {
      return ExitCode.ERROR;
    }
    boolean dirty =
        results.stream()
            .anyMatch(
                r ->
                    r.verdict() == Verdict.CHANGES
                        || r.verdict() == Verdict.DRIFT_ONLY
                        || (r.verdict() == Verdict.OUTPUT_ONLY && !allowOutputOnly));
    return dirty ? ExitCode.CHANGES : ExitCode.OK;
  }

  public long count(Verdict verdict) {
    return results.stream().filter(r -> r.verdict() == verdict).count();
  }
}
