package io.platform.verify.report;

import static io.platform.verify.report.Reports.clean;
import static io.platform.verify.report.Reports.creating;
import static io.platform.verify.report.Reports.failed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.platform.exit.ExitCode;
import io.platform.toolchain.Engine;
import io.platform.toolchain.EngineRelease;
import io.platform.verify.Scope;
import io.platform.verify.UnitResult;
import io.platform.verify.VerifyReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportMergeTest {
  static final EngineRelease TOFU = new EngineRelease(Engine.TOFU, "1.12.6");
  static final Scope AFFECTED =
      new Scope(
          "affected since main (2 files changed)",
          Map.of(
              "vpc",
              "changed: live/local/vpc/terragrunt.hcl",
              "eks",
              "depends on vpc",
              "alb",
              "depends on vpc"),
          3,
          7,
          null);

  @Test
  void theSharesOfOneRunMakeTheReportOfTheWholeRun() {
    VerifyReport first = share(1, 2, Duration.ofSeconds(30), clean("vpc"), creating("alb", 1));
    VerifyReport second = share(2, 2, Duration.ofSeconds(50), failed("eks"));

    VerifyReport merged = ReportMerge.merge(reports(first, second));

    assertThat(merged.results())
        .extracting(r -> r.unit().name())
        .containsExactly("vpc", "alb", "eks");
    assertThat(merged.exitCode(false)).isEqualTo(ExitCode.ERROR);
    assertThat(merged.elapsed()).isEqualTo(Duration.ofSeconds(50));
    assertThat(merged.scope().shard()).isNull();
    assertThat(merged.scope().reasons()).containsOnlyKeys("vpc", "alb", "eks");
    assertThat(merged.scope().headline(3))
        .isEqualTo("affected since main (2 files changed): 3 of 7 units");
  }

  @Test
  void theMergeOfJsonReportsReadsBackWhatEachShareWrote() {
    VerifyReport first = share(1, 2, Duration.ofSeconds(3), clean("vpc"));
    VerifyReport second = share(2, 2, Duration.ofSeconds(4), creating("alb", 2), clean("eks"));

    VerifyReport merged =
        ReportMerge.merge(
            Map.of(
                "1.json", JsonReport.read(JsonReport.write(first, false)),
                "2.json", JsonReport.read(JsonReport.write(second, false))));

    assertThat(merged.results()).hasSize(3);
    assertThat(merged.exitCode(false)).isEqualTo(ExitCode.CHANGES);
    assertThat(merged.engine()).isEqualTo(TOFU);
    assertThat(MarkdownReport.write(merged, false))
        .contains("| Why |", "depends on vpc", "3 of 7 units", "OpenTofu 1.12.6)");
  }

  @Test
  void refusesAMissingShareAUnitTwiceAndReportsOfAnotherRun() {
    VerifyReport first = share(1, 3, Duration.ZERO, clean("vpc"));
    VerifyReport third = share(3, 3, Duration.ZERO, clean("eks"));
    assertThatThrownBy(() -> ReportMerge.merge(reports(first, third)))
        .hasMessageContaining("lacks share 2/3");
    assertThatThrownBy(() -> ReportMerge.merge(reports(first, first)))
        .hasMessageContaining("unit vpc is in both");

    VerifyReport otherCount = share(2, 3, Duration.ZERO, clean("alb"));
    VerifyReport firstOfTwo = share(1, 2, Duration.ZERO, clean("eks"));
    assertThatThrownBy(() -> ReportMerge.merge(reports(firstOfTwo, otherCount, third)))
        .hasMessageContaining("is share 2/3, an earlier report one of 2");
    // Shares cut from different unit times can leave a unit out of every share.
    VerifyReport second = share(2, 3, Duration.ZERO, clean("alb"));
    VerifyReport thinThird = share(3, 3, Duration.ZERO);
    assertThatThrownBy(() -> ReportMerge.merge(reports(first, second, thinThird)))
        .hasMessageContaining("the shares hold 2 units, the run selected 3");

    VerifyReport everything =
        new VerifyReport(Path.of("/repo/live/local"), List.of(clean("alb")), Duration.ZERO);
    assertThatThrownBy(() -> ReportMerge.merge(reports(first, everything)))
        .hasMessageContaining("only the shares of one run");

    VerifyReport prod =
        new VerifyReport(
            Path.of("/repo/live/prod"),
            List.of(clean("alb")),
            Duration.ZERO,
            AFFECTED.share("2/3", Set.of("alb")),
            null);
    assertThatThrownBy(() -> ReportMerge.merge(reports(first, prod)))
        .hasMessageContaining("a report of prod");

    VerifyReport byTerraform =
        share(2, 3, Duration.ZERO, clean("eks"))
            .withEngine(new EngineRelease(Engine.TERRAFORM, "1.11.4"));
    assertThatThrownBy(() -> ReportMerge.merge(reports(first, byTerraform)))
        .hasMessageContaining("was planned by Terraform 1.11.4, share-1.json by OpenTofu 1.12.6");
  }

  @Test
  void aFileThatIsNoVerifyReportIsRefusedAsSuch() {
    assertThatThrownBy(() -> JsonReport.read("{\"format_version\": 1}"))
        .hasMessageContaining("not a verify report");
    assertThatThrownBy(() -> JsonReport.read("[1, 2]")).hasMessageContaining("not a verify report");
    assertThatThrownBy(() -> JsonReport.read("plain text"))
        .hasMessageContaining("not a verify report");
    assertThatThrownBy(() -> JsonReport.read("{\"format_version\": 9, \"units\": []}"))
        .hasMessageContaining("unsupported report format_version 9");
  }

  private static VerifyReport share(int index, int count, Duration elapsed, UnitResult... results) {
    Set<String> names = new HashSet<>();
    for (UnitResult result : results) {
      names.add(result.unit().name());
    }
    return new VerifyReport(
        Path.of("/repo/live/local"),
        List.of(results),
        elapsed,
        AFFECTED.share(index + "/" + count, names),
        TOFU);
  }

  private static Map<String, VerifyReport> reports(VerifyReport... reports) {
    Map<String, VerifyReport> byName = new LinkedHashMap<>();
    for (int i = 0; i < reports.length; i++) {
      byName.put("share-" + (i + 1) + ".json", reports[i]);
    }
    return byName;
  }
}
