package io.platform.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.platform.Captures;
import org.junit.jupiter.api.Test;

class StreamedPlanTest {

  @Test
  void anErrorSaysWhereTerraformFoundIt() {
    StreamedPlan plan = StreamedPlan.parse(Captures.read("exec/plan-unsupported-argument.jsonl"));

    assertThat(plan.quiet()).isFalse();
    assertThat(plan.firstError())
        .isEqualTo("Error: Unsupported argument (main.tf line 2: nope = 1)");
  }

  @Test
  void aPlanWithOnlyNoOpsReadsAndUnchangedOutputsIsQuiet() {
    StreamedPlan plan =
        StreamedPlan.parse(
            """
            {"type": "version", "terraform": "1.11.4"}
            {"type": "refresh_complete", "hook": {}}
            {"type": "planned_change", "change": {"action": "read"}}
            {"type": "change_summary", "changes": {"add": 0, "change": 0, "import": 0, "remove": 0}}
            {"type": "outputs", "outputs": {"vpc_id": {"action": "noop"}}}
            """);

    assertThat(plan.quiet()).isTrue();
    assertThat(plan.drifted()).isFalse();
    assertThat(plan.firstError()).isNull();
  }

  @Test
  void objectsChangedOutsideTerraformAreQuietWhenNothingIsPlanned() {
    // Quiet, but drifted: whether that drift is noise depends on the module calls.
    StreamedPlan plan =
        StreamedPlan.parse(
            """
            {"type": "resource_drift", "change": {"resource": {"addr": "aws_route_table.private[0]"}, "action": "update"}}
            {"type": "planned_change", "change": {"action": "noop"}}
            {"type": "change_summary", "changes": {"add": 0, "change": 0, "import": 0, "remove": 0}}
            {"type": "outputs", "outputs": {"vpc_id": {"action": "noop"}}}
            """);

    assertThat(plan.quiet()).isTrue();
    assertThat(plan.drifted()).isTrue();
  }

  @Test
  void driftThatDeletedAnObjectOrSitsNextToADeferredReadIsNotQuiet() {
    String summary =
        "{\"type\": \"change_summary\", \"changes\": {\"add\": 0, \"change\": 0, \"import\": 0, \"remove\": 0}}";
    String deleted = "{\"type\": \"resource_drift\", \"change\": {\"action\": \"delete\"}}";
    String updated = "{\"type\": \"resource_drift\", \"change\": {\"action\": \"update\"}}";
    String read = "{\"type\": \"planned_change\", \"change\": {\"action\": \"read\"}}";

    assertThat(StreamedPlan.parse(deleted + "\n" + summary).quiet()).isFalse();
    assertThat(StreamedPlan.parse(updated + "\n" + read + "\n" + summary).quiet()).isFalse();
    assertThat(StreamedPlan.parse(read + "\n" + updated + "\n" + summary).quiet()).isFalse();
    assertThat(StreamedPlan.parse(updated + "\n" + summary).quiet()).isTrue();
  }

  @Test
  void changesMovesAndOutputChangesAreNotQuiet() {
    assertThat(
            StreamedPlan.parse("{\"type\": \"planned_change\", \"change\": {\"action\": \"move\"}}")
                .quiet())
        .isFalse();
    assertThat(
            StreamedPlan.parse("{\"type\": \"change_summary\", \"changes\": {\"import\": 1}}")
                .quiet())
        .isFalse();
    assertThat(
            StreamedPlan.parse(
                    "{\"type\": \"outputs\", \"outputs\": {\"x\": {\"action\": \"create\"}}}")
                .quiet())
        .isFalse();
  }

  @Test
  void readsTheFirstErrorDiagnosticEvenBehindATerragruntPrefix() {
    StreamedPlan plan =
        StreamedPlan.parse(
            """
            04:00:00.000 STDOUT terraform: {"@level": "warn", "type": "diagnostic", "diagnostic": {"summary": "Deprecated"}}
            {"@level": "error", "type": "diagnostic", "diagnostic": {"summary": "Error acquiring the state lock"}}
            {"@level": "error", "type": "diagnostic", "diagnostic": {"summary": "second"}}
            """);

    assertThat(plan.firstError()).isEqualTo("Error: Error acquiring the state lock");
  }

  @Test
  void outputWithoutAChangeSummaryIsNotQuiet() {
    // E.g. Terragrunt's JSON log format wrapping Terraform's lines: nothing proves the plan clean.
    assertThat(StreamedPlan.parse("").quiet()).isFalse();
    assertThat(
            StreamedPlan.parse(
                    "{\"level\": \"stdout\", \"msg\": \"{\\\"type\\\": \\\"planned_change\\\"}\"}")
                .quiet())
        .isFalse();
  }
}
