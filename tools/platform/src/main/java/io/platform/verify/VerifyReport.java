package io.platform.verify;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The outcome of verifying a tree of units. */
public record VerifyReport(Path root, List<UnitResult> results, Duration elapsed) {

  public static final int EXIT_CLEAN = 0;
  public static final int EXIT_ERROR = 1;
  public static final int EXIT_CHANGES = 2;

  public VerifyReport {
    results = List.copyOf(results);
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
