package io.platform.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.platform.live.Unit;
import io.platform.verify.ChangeAction;
import io.platform.verify.PlanSummary;
import io.platform.verify.ResourceChange;
import io.platform.verify.UnitResult;
import io.platform.verify.Verdict;
import io.platform.verify.VerifyReport;
import io.platform.verify.report.MarkdownReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The drift watch's decision, from the issue as an earlier run (or a person) left it and a new
 * report.
 */
class DriftDecisionTest {
  static final Instant MONDAY = Instant.parse("2026-11-30T02:00:00Z");
  static final Instant TUESDAY = Instant.parse("2026-12-01T02:00:00Z");
  static final Instant FRIDAY = Instant.parse("2026-12-04T02:00:00Z");
  static final String RUN = "https://github.com/acme/platform/actions/runs/7";

  @Test
  void cleanWithoutAnIssueIsNothingToDo() {
    DriftDecision decision = decide(report(clean("vpc"), clean("eks")), null, MONDAY);

    assertThat(decision.action()).isEqualTo(DriftDecision.Action.NONE);
    assertThat(decision.body()).isNull();
    assertThat(decision.comment()).isNull();
  }

  @Test
  void theFirstDriftOpensTheIssueWhichTheOpeningAnnounces() {
    DriftDecision decision = decide(report(clean("eks"), drifted("vpc")), null, MONDAY);

    assertThat(decision.action()).isEqualTo(DriftDecision.Action.OPEN);
    assertThat(decision.comment()).as("a new issue notifies by itself").isNull();
    assertThat(decision.body())
        .startsWith(DriftIssue.marker("staging") + "\n")
        .contains("| `vpc` | drift-only | 2026-11-30T02:00:00Z (today) | drift in 1 resource |")
        .doesNotContain("`eks`");
  }

  @Test
  void theSameDriftAgainEditsTheBodyKeepsItsAgeAndSaysNothing() {
    String monday = decide(report(drifted("vpc")), null, MONDAY).body();

    DriftDecision friday = decide(report(drifted("vpc")), open(monday), FRIDAY);

    assertThat(friday.action()).isEqualTo(DriftDecision.Action.UPDATE);
    assertThat(friday.comment()).isNull();
    assertThat(friday.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.since()).isEqualTo(MONDAY));
    assertThat(friday.body())
        .contains("2026-11-30T02:00:00Z (4 days)")
        .contains("Last checked 2026-12-04T02:00:00Z");
  }

  @Test
  void aNewUnitOrANewKindIsCommentedOnTheRestIsNot() {
    String monday = decide(report(drifted("vpc"), changes("rds")), null, MONDAY).body();

    DriftDecision tuesday =
        decide(report(drifted("vpc"), changes("rds"), drifted("alb")), open(monday), TUESDAY);
    assertThat(tuesday.action()).isEqualTo(DriftDecision.Action.UPDATE);
    assertThat(tuesday.comment())
        .isEqualTo("New since the last run: `alb` (drift-only), [run](" + RUN + ").");

    // vpc goes from drift to planned changes: a new kind of difference.
    DriftDecision friday =
        decide(
            report(changes("vpc"), changes("rds"), drifted("alb")), open(tuesday.body()), FRIDAY);
    assertThat(friday.comment())
        .isEqualTo("New since the last run: `vpc` (changes), [run](" + RUN + ").");
    assertThat(friday.findings())
        .filteredOn(f -> f.unit().equals("rds"))
        .singleElement()
        .satisfies(f -> assertThat(f.since()).isEqualTo(MONDAY));

    // Fewer differences are no news.
    DriftDecision later =
        decide(
            report(changes("vpc"), clean("rds"), clean("alb")),
            open(friday.body()),
            FRIDAY.plusSeconds(86400));
    assertThat(later.action()).isEqualTo(DriftDecision.Action.UPDATE);
    assertThat(later.comment()).isNull();
  }

  @Test
  void aUnitThatCannotBePlannedIsReportedNeverTakenForClean() {
    DriftDecision decision = decide(report(clean("vpc"), error("rds")), null, MONDAY);

    assertThat(decision.action()).isEqualTo(DriftDecision.Action.OPEN);
    assertThat(decision.body())
        .contains(
            "| `rds` | error |", "1 could not be planned: an error is never counted as clean");

    // And a run where every unit errors keeps the issue open.
    DriftDecision allBroken =
        decide(report(error("vpc"), error("rds")), open(decision.body()), TUESDAY);
    assertThat(allBroken.action()).isEqualTo(DriftDecision.Action.UPDATE);
    assertThat(allBroken.comment())
        .isEqualTo("New since the last run: `vpc` (error), [run](" + RUN + ").");
  }

  @Test
  void cleanAgainClosesTheIssueWithAComment() {
    String monday = decide(report(drifted("vpc")), null, MONDAY).body();

    DriftDecision tuesday = decide(report(clean("vpc"), clean("eks")), open(monday), TUESDAY);

    assertThat(tuesday.action()).isEqualTo(DriftDecision.Action.CLOSE);
    assertThat(tuesday.comment())
        .isEqualTo(
            "Every unit of `staging` is clean again (2 units, checked 2026-12-01T02:00:00Z, [run]("
                + RUN
                + ")). Closing.");
  }

  @Test
  void driftAfterAClosedIssueReopensItWithAgesStartingAfresh() {
    String monday = decide(report(drifted("vpc")), null, MONDAY).body();

    DriftDecision friday =
        decide(report(drifted("vpc")), new DriftDecision.Existing(monday, false), FRIDAY);

    assertThat(friday.action()).isEqualTo(DriftDecision.Action.OPEN);
    assertThat(friday.comment())
        .isEqualTo("Differs again: `vpc` (drift-only), [run](" + RUN + ").");
    assertThat(friday.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.since()).isEqualTo(FRIDAY));
  }

  @Test
  void aBodyEditedByAPersonKeepsTheirNotesAndTheMarkerStillFindsIt() {
    String monday = decide(report(drifted("vpc")), null, MONDAY).body();
    String edited =
        monday.replace("is not what the code says", "IS NOT WHAT THE CODE SAYS (retitled)")
            + "\n@platform-team: the route table was changed by hand for the outage, see INC-42.\n";

    DriftDecision friday = decide(report(drifted("vpc")), open(edited), FRIDAY);

    assertThat(DriftIssue.isIssueOf(edited, "staging")).isTrue();
    assertThat(friday.action()).isEqualTo(DriftDecision.Action.UPDATE);
    assertThat(friday.comment()).isNull();
    assertThat(friday.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.since()).isEqualTo(MONDAY));
    assertThat(friday.body())
        .contains("is not what the code says")
        .endsWith(
            "\n@platform-team: the route table was changed by hand for the outage, see INC-42.\n");
  }

  @Test
  void aDamagedStateLineCountsEveryFindingAsNewButKeepsTheIssue() {
    String monday = decide(report(drifted("vpc")), null, MONDAY).body();
    String damaged = monday.replaceFirst("\"since\":\"[^\"]+\"", "\"since\":\"last week\"");

    DriftDecision friday = decide(report(drifted("vpc")), open(damaged), FRIDAY);

    assertThat(friday.action()).isEqualTo(DriftDecision.Action.UPDATE);
    assertThat(friday.comment()).contains("`vpc` (drift-only)");
  }

  @Test
  void outputOnlyCountsUnlessAllowedAndTheMarkerTellsEnvironmentsApart() {
    VerifyReport outputs = report(outputOnly("vpc"));

    assertThat(decide(outputs, null, MONDAY).action()).isEqualTo(DriftDecision.Action.OPEN);
    assertThat(DriftDecision.decide("staging", outputs, true, null, MONDAY, RUN).action())
        .isEqualTo(DriftDecision.Action.NONE);
    assertThat(DriftIssue.isIssueOf(decide(outputs, null, MONDAY).body(), "prod")).isFalse();
  }

  @Test
  void aTreeOfThousandsOfDriftingUnitsStaysWithinGitHubsLimit() {
    List<UnitResult> units = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      units.add(drifted("environment/region/component-" + i));
    }

    String body =
        decide(new VerifyReport(Path.of("/live/staging"), units, Duration.ZERO), null, MONDAY)
            .body();

    assertThat(body.length()).isLessThanOrEqualTo(MarkdownReport.GITHUB_COMMENT_LIMIT);
    assertThat(body).contains("more units left out of this table");
    // The same drift the next night is no news, though the state could not record every unit.
    DriftDecision again =
        decide(
            new VerifyReport(Path.of("/live/staging"), units, Duration.ZERO), open(body), TUESDAY);
    assertThat(again.comment()).isNull();
    assertThat(again.body().length()).isLessThanOrEqualTo(MarkdownReport.GITHUB_COMMENT_LIMIT);
  }

  private static DriftDecision decide(
      VerifyReport report, DriftDecision.Existing existing, Instant now) {
    return DriftDecision.decide("staging", report, false, existing, now, RUN);
  }

  private static DriftDecision.Existing open(String body) {
    return new DriftDecision.Existing(body, true);
  }

  private static VerifyReport report(UnitResult... results) {
    return new VerifyReport(Path.of("/live/staging"), List.of(results), Duration.ofSeconds(1));
  }

  private static UnitResult clean(String name) {
    return planned(
        name, new PlanSummary(Verdict.CLEAN, Map.of(), List.of(), List.of(), List.of(), List.of()));
  }

  private static UnitResult drifted(String name) {
    return planned(
        name,
        new PlanSummary(
            Verdict.DRIFT_ONLY,
            Map.of(),
            List.of(),
            List.of("aws_route_table.private[0]"),
            List.of(),
            List.of()));
  }

  private static UnitResult changes(String name) {
    return planned(
        name,
        new PlanSummary(
            Verdict.CHANGES,
            Map.of(ChangeAction.UPDATE, 1),
            List.of(
                new ResourceChange(
                    "aws_db_instance.this",
                    null,
                    Set.of(ChangeAction.UPDATE),
                    List.of("tags.Owner"))),
            List.of(),
            List.of(),
            List.of()));
  }

  private static UnitResult outputOnly(String name) {
    return planned(
        name,
        new PlanSummary(
            Verdict.OUTPUT_ONLY, Map.of(), List.of(), List.of(), List.of("vpc_id"), List.of()));
  }

  private static UnitResult error(String name) {
    return new UnitResult(
        new Unit(Path.of("/live", name), name),
        Verdict.ERROR,
        null,
        "plan: Error: Error acquiring the state lock",
        Duration.ZERO);
  }

  private static UnitResult planned(String name, PlanSummary summary) {
    return new UnitResult(
        new Unit(Path.of("/live", name), name), summary.verdict(), summary, null, Duration.ZERO);
  }
}
