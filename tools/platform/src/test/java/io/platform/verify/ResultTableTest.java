package io.platform.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.platform.live.Unit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResultTableTest {

  @Test
  void showsOneRowPerUnitWithCountsAndTheErrorLine() {
    PlanSummary changes =
        new PlanSummary(
            Verdict.CHANGES,
            Map.of(ChangeAction.CREATE, 3),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    VerifyReport report =
        new VerifyReport(
            Path.of("live/local"),
            List.of(
                UnitResult.planned(new Unit(Path.of("a"), "vpc"), changes, Duration.ofMillis(1500)),
                UnitResult.error(
                    new Unit(Path.of("b"), "eks"), "plan: Error: boom", Duration.ofMillis(200))),
            Duration.ofSeconds(2));

    String table = ResultTable.render(report);

    assertThat(table.lines().findFirst().orElseThrow())
        .startsWith("UNIT")
        .contains("RESULT", "CREATE", "REPLACE", "MOVE", "TIME");
    assertThat(table).containsPattern("vpc\\s+changes\\s+3\\s+0");
    assertThat(table).containsPattern("eks\\s+error\\s+-");
    assertThat(table).contains("error in eks: plan: Error: boom");
    assertThat(table)
        .contains("2 units: 0 clean, 0 output-only, 0 drift-only, 1 with changes, 1 error (");
  }

  @Test
  void aPlanTerraformMarkedAsErroredIsReportedAsAnError() {
    PlanSummary errored =
        new PlanSummary(Verdict.ERROR, Map.of(), List.of(), List.of(), List.of(), List.of());
    VerifyReport report =
        new VerifyReport(
            Path.of("live/local"),
            List.of(UnitResult.planned(new Unit(Path.of("a"), "vpc"), errored, Duration.ZERO)),
            Duration.ZERO);

    assertThat(ResultTable.render(report))
        .contains("error in vpc: plan: Terraform marked the plan as errored");
  }

  @Test
  void underAUnitThatDiffersEachAddressAndActionUpToTenThenHowManyMore() {
    List<ResourceChange> changes = new ArrayList<>();
    changes.add(
        new ResourceChange(
            "aws_vpc.this", null, Set.of(ChangeAction.UPDATE), List.of("tags.Owner", "tags.Team")));
    changes.add(
        new ResourceChange("aws_subnet.b", "aws_subnet.a", Set.of(ChangeAction.MOVE), List.of()));
    for (int i = 0; i < 10; i++) {
      changes.add(
          new ResourceChange(
              "aws_route.r[" + i + "]",
              null,
              Set.of(ChangeAction.CREATE, ChangeAction.DELETE),
              List.of()));
    }
    PlanSummary summary =
        new PlanSummary(
            Verdict.CHANGES,
            Map.of(ChangeAction.UPDATE, 1),
            changes,
            List.of("aws_route_table.private"),
            List.of("vpc_id"),
            List.of());
    VerifyReport report =
        new VerifyReport(
            Path.of("live/local"),
            List.of(
                UnitResult.planned(new Unit(Path.of("a"), "vpc"), summary, Duration.ofSeconds(1))),
            Duration.ofSeconds(1));

    List<String> lines = ResultTable.render(report).lines().toList();

    int at = lines.indexOf("differs in vpc:");
    assertThat(lines.subList(at + 1, at + 4))
        .containsExactly(
            "  aws_vpc.this: update (tags.Owner, tags.Team)",
            "  aws_subnet.b: move from aws_subnet.a",
            "  aws_route.r[0]: create, delete");
    assertThat(lines.get(at + 1 + ResultTable.LISTED)).isEqualTo("  ... and 4 more");
  }
}
