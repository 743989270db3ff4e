package io.platform.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platform.exec.ExecException;
import org.junit.jupiter.api.Test;

class PlanClassifierTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Classifies a plan; one that names no format is given the one both engines write (1.2). */
  private static PlanSummary classify(String json) throws Exception {
    JsonNode plan = JSON.readTree(json);
    if (!plan.has("format_version")) {
      ((ObjectNode) plan).put("format_version", "1.2");
    }
    return PlanClassifier.classify(plan);
  }

  @Test
  void planWithOnlyNoOpsIsClean() throws Exception {
    PlanSummary summary =
        classify(
            """
            {"resource_changes": [
              {"address": "aws_vpc.this", "change": {"actions": ["no-op"], "before": {"id": "vpc-1"}, "after": {"id": "vpc-1"}}}
            ], "output_changes": {"vpc_id": {"actions": ["no-op"]}}}
            """);

    assertThat(summary.verdict()).isEqualTo(Verdict.CLEAN);
    assertThat(summary.totalChanges()).isZero();
  }

  @Test
  void countsEachActionAndReplaceOnce() throws Exception {
    PlanSummary summary =
        classify(
            """
            {"resource_changes": [
              {"address": "a.create", "change": {"actions": ["create"], "before": null, "after": {"x": 1}}},
              {"address": "a.update", "change": {"actions": ["update"], "before": {"x": 1}, "after": {"x": 2}}},
              {"address": "a.delete", "change": {"actions": ["delete"], "before": {"x": 1}, "after": null}},
              {"address": "a.replace1", "change": {"actions": ["delete", "create"], "before": {"x": 1}, "after": {"x": 2}}},
              {"address": "a.replace2", "change": {"actions": ["create", "delete"], "before": {"x": 1}, "after": {"x": 2}}},
              {"address": "a.forget", "change": {"actions": ["forget"], "before": {"x": 1}, "after": null}}
            ]}
            """);

    assertThat(summary.verdict()).isEqualTo(Verdict.CHANGES);
    assertThat(summary.count(ChangeAction.CREATE)).isEqualTo(1);
    assertThat(summary.count(ChangeAction.UPDATE)).isEqualTo(1);
    assertThat(summary.count(ChangeAction.DELETE)).isEqualTo(1);
    assertThat(summary.count(ChangeAction.REPLACE)).isEqualTo(2);
    assertThat(summary.count(ChangeAction.FORGET)).isEqualTo(1);
  }

  @Test
  void movedAndImportedResourcesAreChangesEvenWithoutAnAction() throws Exception {
    PlanSummary summary =
        classify(
            """
            {"resource_changes": [
              {"address": "module.rds.aws_db_instance.this", "previous_address": "aws_db_instance.this",
               "change": {"actions": ["no-op"], "before": {}, "after": {}}},
              {"address": "aws_s3_bucket.logs",
               "change": {"actions": ["no-op"], "before": {}, "after": {}, "importing": {"id": "logs"}}}
            ]}
            """);

    assertThat(summary.verdict()).isEqualTo(Verdict.CHANGES);
    assertThat(summary.count(ChangeAction.MOVE)).isEqualTo(1);
    assertThat(summary.count(ChangeAction.IMPORT)).isEqualTo(1);
    assertThat(summary.changes().get(0).previousAddress()).isEqualTo("aws_db_instance.this");
  }

  @Test
  void deferredDataSourceReadIsReportedButIsNotAChange() throws Exception {
    PlanSummary summary =
        classify(
            """
            {"resource_changes": [
              {"address": "data.aws_iam_policy_document.this", "mode": "data",
               "change": {"actions": ["read"], "before": null, "after": {}}}
            ]}
            """);

    assertThat(summary.verdict()).isEqualTo(Verdict.CLEAN);
    assertThat(summary.deferredReads()).containsExactly("data.aws_iam_policy_document.this");
  }

  @Test
  void outputChangesAloneAreOutputOnly() throws Exception {
    PlanSummary summary =
        classify(
            """
            {"resource_changes": [],
             "output_changes": {"vpc_id": {"actions": ["create"]}, "same": {"actions": ["no-op"]}}}
            """);

    assertThat(summary.verdict()).isEqualTo(Verdict.OUTPUT_ONLY);
    assertThat(summary.changedOutputs()).containsExactly("vpc_id");
  }

  @Test
  void driftInAttributesThePlanDoesNotUseIsIgnored() throws Exception {
    // A route table gains the routes added by separate aws_route resources: noise, not drift.
    PlanSummary summary =
        classify(
            """
            {"resource_drift": [
              {"address": "aws_route_table.private[0]",
               "change": {"actions": ["update"], "before": {"route": []}, "after": {"route": [{"cidr": "0.0.0.0/0"}]}}}
            ]}
            """);

    assertThat(summary.verdict()).isEqualTo(Verdict.CLEAN);
    assertThat(summary.drifted()).isEmpty();
  }

  @Test
  void driftInARelevantAttributeIsDriftOnly() throws Exception {
    PlanSummary summary =
        classify(
            """
            {"resource_drift": [
              {"address": "aws_security_group.this",
               "change": {"actions": ["update"],
                          "before": {"ingress": [], "tags": {"a": "1"}},
                          "after": {"ingress": [{"from_port": 22}], "tags": {"a": "1"}}}}
            ],
             "relevant_attributes": [{"resource": "aws_security_group.this", "attribute": ["ingress"]}]}
            """);

    assertThat(summary.verdict()).isEqualTo(Verdict.DRIFT_ONLY);
    assertThat(summary.drifted()).containsExactly("aws_security_group.this");
  }

  @Test
  void objectDeletedOutsideTerraformIsDriftAndItsRecreationIsAChange() throws Exception {
    PlanSummary summary =
        classify(
            """
            {"resource_drift": [
              {"address": "aws_sqs_queue.dlq", "change": {"actions": ["delete"], "before": {"id": "q"}, "after": null}}
            ],
             "resource_changes": [
              {"address": "aws_sqs_queue.dlq", "change": {"actions": ["create"], "before": null, "after": {"name": "dlq"}}}
            ]}
            """);

    assertThat(summary.verdict()).isEqualTo(Verdict.CHANGES);
    assertThat(summary.drifted()).containsExactly("aws_sqs_queue.dlq");
    assertThat(summary.count(ChangeAction.CREATE)).isEqualTo(1);
  }

  @Test
  void changedAttributesNameThePathsButNeverTheValues() throws Exception {
    PlanSummary summary =
        classify(
            """
            {"resource_changes": [
              {"address": "aws_db_instance.this",
               "change": {"actions": ["update"],
                          "before": {"password": "old-secret", "tags": {"Name": "a"}, "ports": [1, 2]},
                          "after": {"password": "new-secret", "tags": {"Name": "b"}, "ports": [1, 3]},
                          "after_unknown": {"arn": true}}}
            ]}
            """);

    ResourceChange change = summary.changes().get(0);
    assertThat(change.changedAttributes())
        .containsExactly("password", "ports[1]", "tags.Name", "arn");
    assertThat(change.toString()).doesNotContain("secret");
  }

  @Test
  void erroredPlanIsAnError() throws Exception {
    assertThat(classify("{\"errored\": true}").verdict()).isEqualTo(Verdict.ERROR);
  }

  @Test
  void longDiffsAreCapped() throws Exception {
    StringBuilder before = new StringBuilder("{");
    StringBuilder after = new StringBuilder("{");
    for (int i = 0; i < 100; i++) {
      before.append(i == 0 ? "" : ",").append("\"k").append(i).append("\": 0");
      after.append(i == 0 ? "" : ",").append("\"k").append(i).append("\": 1");
    }
    PlanSummary summary =
        classify(
            "{\"resource_changes\": [{\"address\": \"x.y\", \"change\": {\"actions\": [\"update\"], \"before\": "
                + before
                + "}, \"after\": "
                + after
                + "}}}]}");

    assertThat(summary.changes().get(0).changedAttributes())
        .hasSize(PlanClassifier.MAX_PATHS + 1)
        .last()
        .isEqualTo("... 60 more");
  }

  @Test
  void aSensitiveValueIsNamedAsAWholeNotByTheKeysInsideIt() throws Exception {
    PlanSummary summary =
        classify(
            """
            {"resource_changes": [
              {"address": "aws_lambda_function.this",
               "change": {"actions": ["update"],
                          "before": {"env": {"TOKEN_ab12cd": "old"}, "tags": {"Name": "a"}},
                          "after": {"env": {"TOKEN_ab12cd": "new", "KEY_zz9": null}, "tags": {"Name": "b"}},
                          "after_unknown": {"env": {"KEY_zz9": true}},
                          "before_sensitive": {"env": true}, "after_sensitive": {"env": {"TOKEN_ab12cd": true}}}}
            ]}
            """);

    assertThat(summary.changes().get(0).changedAttributes()).containsExactly("env", "tags.Name");
  }

  @Test
  void deferredChangesAreChangesNotAClean() throws Exception {
    PlanSummary summary =
        classify(
            """
            {"complete": false, "applyable": true, "resource_changes": [],
             "deferred_changes": [
              {"reason": "resource_config_unknown",
               "resource_change": {"address": "aws_instance.web[\\"a\\"]", "change": {"actions": ["create"], "before": null, "after": {}}}}
            ]}
            """);

    assertThat(summary.verdict()).isEqualTo(Verdict.CHANGES);
    assertThat(summary.count(ChangeAction.CREATE)).isEqualTo(1);
    assertThat(summary.changes())
        .extracting(ResourceChange::address)
        .containsExactly("aws_instance.web[\"a\"]");
  }

  @Test
  void aPlanInAFormatNoEngineWritesIsRefusedNotMisread() {
    assertThatThrownBy(() -> classify("{\"format_version\": \"2.0\", \"resource_changes\": []}"))
        .isInstanceOf(ExecException.class)
        .hasMessage(
            "the plan JSON has format_version '2.0'; platform reads 1.x, as Terraform 1.x and OpenTofu 1.x write it");
  }
}
