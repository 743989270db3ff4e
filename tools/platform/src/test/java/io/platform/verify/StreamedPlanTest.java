package io.platform.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamedPlanTest {

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
    assertThat(plan.firstError()).isNull();
  }

  @Test
  void driftChangesMovesAndOutputChangesAreNotQuiet() {
    assertThat(StreamedPlan.parse("{\"type\": \"resource_drift\", \"change\": {\"action\": \"update\"}}").quiet()).isFalse();
    assertThat(StreamedPlan.parse("{\"type\": \"planned_change\", \"change\": {\"action\": \"move\"}}").quiet()).isFalse();
    assertThat(StreamedPlan.parse("{\"type\": \"change_summary\", \"changes\": {\"import\": 1}}").quiet()).isFalse();
    assertThat(StreamedPlan.parse("{\"type\": \"outputs\", \"outputs\": {\"x\": {\"action\": \"create\"}}}").quiet()).isFalse();
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
    assertThat(StreamedPlan.parse("{\"level\": \"stdout\", \"msg\": \"{\\\"type\\\": \\\"planned_change\\\"}\"}").quiet()).isFalse();
  }
}
