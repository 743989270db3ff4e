package io.platform.verify;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of verifying a tree of units.
 *
 * @param scope which units of the tree were verified and why
 */
public record VerifyReport(Path root, List<UnitResult> results, Duration elapsed, Scope scope) {

  public static final int EXIT_CLEAN = 0;
  public static final int EXIT_ERROR = 1;
  public static final int EXIT_CHANGES = 2;

  public VerifyReport {
    results = List.copyOf(results);
  }

  /** A report of every unit of the tree. */
  public VerifyReport(Path root, List<UnitResult> results, Duration elapsed) {
    this(root, results, elapsed, Scope.everyUnit(results.size()));
  }

  public VerifyReport withScope(Scope other) {
    return new VerifyReport(root, results, elapsed, other);
  }

  /**
   * 0 when every unit is clean (output-only too when allowed), 1 when any unit errored, 2
   * when any unit would change or drifted.
   */
  public int exitCode(boolean allowOutputOnly) {
    if (results.stream().anyMatch(r -> r.verdict() == Verdict.ERROR)) {
      return EXIT_ERROR;
    }
    boolean dirty =
        results.stream()
            .anyMatch(
                r ->
                    r.verdict() == Verdict.CHANGES
                        || r.verdict() == Verdict.DRIFT_ONLY
                        || (r.verdict() == Verdict.OUTPUT_ONLY && !allowOutputOnly));
    return dirty ? EXIT_CHANGES : EXIT_CLEAN;
  }

  public long count(Verdict verdict) {
    return results.stream().filter(r -> r.verdict() == verdict).count();
  }
}
