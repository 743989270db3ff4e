package io.platform.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The classifier on plans the engines wrote themselves ({@code src/test/resources/plans}, written
 * by its {@code capture.sh}): every kind of change once, and a plan with nothing to do.
 */
class PlanCaptureTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static PlanSummary classify(String capture) throws IOException {
    try (InputStream in = PlanCaptureTest.class.getResourceAsStream("/plans/" + capture)) {
      JsonNode plan = JSON.readTree(in);
      return PlanClassifier.classify(plan);
    }
  }

  @Test
  void everyKindOfChangeTerraformPlannedIsCountedOnceAndNamed() throws IOException {
    PlanSummary summary = classify("terraform-changes.json");

    assertThat(summary.verdict()).isEqualTo(Verdict.CHANGES);
    assertThat(
            Map.of(
                ChangeAction.CREATE,
                summary.count(ChangeAction.CREATE),
                ChangeAction.UPDATE,
                summary.count(ChangeAction.UPDATE),
                ChangeAction.DELETE,
                summary.count(ChangeAction.DELETE),
                ChangeAction.REPLACE,
                summary.count(ChangeAction.REPLACE)))
        .containsOnly(
            Map.entry(ChangeAction.CREATE, 1),
            Map.entry(ChangeAction.UPDATE, 1),
            Map.entry(ChangeAction.DELETE, 1),
            Map.entry(ChangeAction.REPLACE, 1));
    assertThat(summary.changes())
        .extracting(ResourceChange::address)
        .containsExactlyInAnyOrder(
            "terraform_data.created[0]",
            "terraform_data.deleted[0]",
            "terraform_data.replaced",
            "terraform_data.updated");
    ResourceChange updated =
        summary.changes().stream()
            .filter(c -> c.address().equals("terraform_data.updated"))
            .findFirst()
            .orElseThrow();
    assertThat(updated.changedAttributes()).contains("input");
    assertThat(summary.changedOutputs()).containsExactly("phase");
  }

  @Test
  void aPlanWithNothingToDoIsClean() throws IOException {
    assertThat(classify("terraform-clean.json").verdict()).isEqualTo(Verdict.CLEAN);
  }

  @Test
  void openTofusPlanOfTheSameChangeIsClassifiedTheSame() throws IOException {
    PlanSummary terraform = classify("terraform-changes.json");
    PlanSummary tofu = classify("tofu-changes.json");

    assertThat(tofu.verdict()).isEqualTo(terraform.verdict());
    assertThat(tofu.changes()).isEqualTo(terraform.changes());
    assertThat(tofu.changedOutputs()).isEqualTo(terraform.changedOutputs());
    for (ChangeAction action : ChangeAction.values()) {
      assertThat(tofu.count(action)).as(action.label()).isEqualTo(terraform.count(action));
    }
  }
}
