package io.platform.verify.report;

import io.platform.live.Unit;
import io.platform.verify.ChangeAction;
import io.platform.verify.PlanSummary;
import io.platform.verify.ResourceChange;
import io.platform.verify.UnitResult;
import io.platform.verify.Verdict;
import io.platform.verify.VerifyReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reports of every shape, for the report tests. */
final class Reports {
  private Reports() {}

  static UnitResult clean(String name) {
    return planned(
        name, new PlanSummary(Verdict.CLEAN, Map.of(), List.of(), List.of(), List.of(), List.of()));
  }

  static UnitResult outputOnly(String name) {
    return planned(
        name,
        new PlanSummary(
            Verdict.OUTPUT_ONLY, Map.of(), List.of(), List.of(), List.of("vpc_id"), List.of()));
  }

  /** A unit that would create {@code count} resources. */
  static UnitResult creating(String name, int count) {
    List<ResourceChange> changes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      changes.add(
          new ResourceChange(
              "module.component_"
                  + (i % 13)
                  + ".aws_security_group_rule.rule[\"ingress <"
                  + i
                  + ">\"]",
              null,
              Set.of(ChangeAction.CREATE),
              List.of()));
    }
    Map<ChangeAction, Integer> counts = new EnumMap<>(ChangeAction.class);
    counts.put(ChangeAction.CREATE, count);
    return planned(
        name, new PlanSummary(Verdict.CHANGES, counts, changes, List.of(), List.of(), List.of()));
  }

  static UnitResult updating(String name) {
    return planned(
        name,
        new PlanSummary(
            Verdict.CHANGES,
            Map.of(ChangeAction.UPDATE, 1, ChangeAction.MOVE, 1),
            List.of(
                new ResourceChange(
                    "aws_db_instance.this",
                    "module.old.aws_db_instance.this",
                    Set.of(ChangeAction.UPDATE, ChangeAction.MOVE),
                    List.of("tags.Owner", "password"))),
            List.of("aws_security_group.db"),
            List.of(),
            List.of("data.aws_iam_policy_document.x")));
  }

  static UnitResult failed(String name) {
    return new UnitResult(
        new Unit(Path.of("/live", name), name),
        Verdict.ERROR,
        null,
        "plan: Error: Error acquiring the state lock & <friends>",
        Duration.ofMillis(1234));
  }

  static VerifyReport report(UnitResult... results) {
    return new VerifyReport(Path.of("/repo/live/local"), List.of(results), Duration.ofSeconds(42));
  }

  private static UnitResult planned(String name, PlanSummary summary) {
    return new UnitResult(
        new Unit(Path.of("/live", name), name),
        summary.verdict(),
        summary,
        null,
        Duration.ofMillis(2500));
  }
}
