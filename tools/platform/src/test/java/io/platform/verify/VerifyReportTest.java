package io.platform.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.platform.exit.ExitCode;
import io.platform.live.Unit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VerifyReportTest {

  private static UnitResult result(String name, Verdict verdict) {
    if (verdict == Verdict.ERROR) {
      return UnitResult.error(new Unit(Path.of(name), name), "boom", Duration.ZERO);
    }
    PlanSummary summary =
        new PlanSummary(verdict, Map.of(), List.of(), List.of(), List.of(), List.of());
    return UnitResult.planned(new Unit(Path.of(name), name), summary, Duration.ZERO);
  }

  private static VerifyReport report(Verdict... verdicts) {
    List<UnitResult> results =
        IntStream.range(0, verdicts.length).mapToObj(i -> result("u" + i, verdicts[i])).toList();
    return new VerifyReport(Path.of("."), results, Duration.ZERO);
  }

  @Test
  void allCleanExitsZero() {
    assertThat(report(Verdict.CLEAN, Verdict.CLEAN).exitCode(false)).isEqualTo(ExitCode.OK);
  }

  @Test
  void outputOnlyCountsAsChangeUnlessAllowed() {
    assertThat(report(Verdict.CLEAN, Verdict.OUTPUT_ONLY).exitCode(false))
        .isEqualTo(ExitCode.CHANGES);
    assertThat(report(Verdict.CLEAN, Verdict.OUTPUT_ONLY).exitCode(true)).isEqualTo(ExitCode.OK);
  }

  @Test
  void driftAndChangesExitTwo() {
    assertThat(report(Verdict.DRIFT_ONLY).exitCode(true)).isEqualTo(ExitCode.CHANGES);
    assertThat(report(Verdict.CHANGES).exitCode(true)).isEqualTo(ExitCode.CHANGES);
  }

  @Test
  void anErrorWinsOverChanges() {
    assertThat(report(Verdict.CHANGES, Verdict.ERROR, Verdict.CLEAN).exitCode(false))
        .isEqualTo(ExitCode.ERROR);
  }
}
