package io.platform.migrate.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.platform.exit.ExitCode;
import io.platform.migrate.apply.UnitOutcome.Action;
import io.platform.migrate.report.ApplyReportJson;
import io.platform.migrate.report.ApplyReportText;
import io.platform.migrate.storage.Snapshot;
import io.platform.verify.Verdict;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplyReportTest {
  private static final Snapshot.Check SAME = new Snapshot.Check("s3://b/mono", "abc", "abc", "abc");

  private static UnitOutcome unit(String name, Action action, Verdict local, Verdict remote) {
    return new UnitOutcome(
        name,
        "s3://b/" + name,
        action,
        local,
        remote,
        remote == Verdict.CLEAN,
        null,
        Duration.ofSeconds(3));
  }

  private static ApplyReport report(Snapshot.Check source, String error, UnitOutcome... units) {
    return new ApplyReport("plan.json", source, List.of(units), error, Duration.ofSeconds(9), null);
  }

  @Test
  void exitCodesSayWhatHappened() {
    UnitOutcome done = unit("vpc", Action.PUSHED, Verdict.OUTPUT_ONLY, Verdict.CLEAN);
    assertThat(
            report(SAME, null, done, unit("eks", Action.SKIPPED, null, Verdict.CLEAN)).exitCode())
        .isEqualTo(ExitCode.OK);
    assertThat(
            report(SAME, null, done, unit("eks", Action.FAILED, Verdict.CHANGES, null)).exitCode())
        .isEqualTo(ExitCode.CHANGES);
    assertThat(report(SAME, null, done, unit("eks", Action.REFUSED, null, null)).exitCode())
        .isEqualTo(ExitCode.REFUSED);
    assertThat(
            report(
                    SAME,
                    null,
                    done,
                    unit("eks", Action.FAILED, null, null),
                    unit("rds", Action.NOT_ATTEMPTED, null, null))
                .exitCode())
        .isEqualTo(ExitCode.ERROR);
    assertThat(
            report(new Snapshot.Check("s3://b/mono", "abc", "abc", "def"), null, done).exitCode())
        .isEqualTo(ExitCode.ERROR);
    assertThat(report(SAME, "boom", done).exitCode()).isEqualTo(ExitCode.ERROR);
  }

  @Test
  void reportsNameEveryUnitAndTheSourceCheck() {
    ApplyReport report =
        report(
            SAME,
            null,
            unit("vpc", Action.PUSHED, Verdict.OUTPUT_ONLY, Verdict.CLEAN),
            new UnitOutcome(
                "eks",
                "s3://b/eks",
                Action.FAILED,
                Verdict.CHANGES,
                null,
                false,
                "the plan shows changes",
                Duration.ZERO));

    assertThat(ApplyReportText.table(report))
        .contains(
            "vpc",
            "pushed",
            "output-only",
            "clean",
            "written",
            "eks: the plan shows changes",
            "1 of 2 units migrated; source unchanged (sha256 abc)");
    assertThat(ApplyReportText.markdown(report))
        .contains("| `vpc` | pushed |", "- `eks`: the plan shows changes");
    assertThat(ApplyReportJson.write(report))
        .contains("\"unchanged\": true", "\"action\": \"failed\"", "\"exit_code\": 2");
  }
}
