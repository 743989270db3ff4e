package io.platform.killswitch.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.platform.killswitch.config.KillSwitchConfig;
import io.platform.killswitch.heartbeat.PermissionSimulation.Requirement;
import io.platform.killswitch.secret.SecretReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse;

/**
 * The permission check on IAM's own request and response types: moto does not implement
 * SimulatePrincipalPolicy (docs/emulator-gaps.md).
 */
class PermissionSimulationTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/kill-switch-function";
  private static final String USER = "arn:aws:iam::123456789012:user/svc-openmetadata";
  private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:kill-switch";
  private static final String SECRET =
      "arn:aws:secretsmanager:us-east-1:123456789012:secret:kill-switch/target-AbCdEf";

  /**
   * A role whose policy allows every action but those removed; records each simulation asked for.
   */
  private static final class Role implements IamClient {
    final Set<String> removed;
    final List<SimulatePrincipalPolicyRequest> requests = new ArrayList<>();

    Role(String... removed) {
      this.removed = Set.of(removed);
    }

    @Override
    public SimulatePrincipalPolicyResponse simulatePrincipalPolicy(
        SimulatePrincipalPolicyRequest request) {
      requests.add(request);
      List<EvaluationResult> results = new ArrayList<>();
      for (String action : request.actionNames()) {
        results.add(
            EvaluationResult.builder()
                .evalActionName(action)
                .evalResourceName(request.resourceArns().get(0))
                .evalDecision(
                    removed.contains(action)
                        ? PolicyEvaluationDecisionType.IMPLICIT_DENY
                        : PolicyEvaluationDecisionType.ALLOWED)
                .build());
      }
      return SimulatePrincipalPolicyResponse.builder()
          .evaluationResults(results)
          .isTruncated(false)
          .build();
    }

    @Override
    public String serviceName() {
      return "iam";
    }

    @Override
    public void close() {}
  }

  private static KillSwitchConfig config(Map<String, String> extra) {
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "SECRET_ID",
                SECRET,
                "ALARM_NAMES",
                "a",
                "SNS_TOPIC_ARN",
                TOPIC,
                "ATHENA_WORKGROUP",
                "openmetadata",
                "USER_ARN",
                USER,
                "FUNCTION_ROLE_ARN",
                ROLE));
    env.putAll(extra);
    return KillSwitchConfig.fromEnvironment(env);
  }

  private static List<Requirement> requirements(KillSwitchConfig config, IamClient iam) {
    Heartbeat heartbeat = new Heartbeat(config, new SecretReader(null, new ObjectMapper()), iam);
    return heartbeat.requirements(Optional.of(USER), ROLE, "us-east-1");
  }

  @Test
  void everyCallOfARealRunIsSimulatedOnTheResourceItIsMadeOn() {
    List<Requirement> needed = requirements(config(Map.of("STOP_QUERIES", "true")), new Role());

    assertThat(needed)
        .extracting(r -> r.action() + " " + r.resourceArn())
        .containsExactly(
            "iam:ListAccessKeys " + USER,
            "iam:UpdateAccessKey " + USER,
            "iam:GetUserPolicy " + USER,
            "iam:PutUserPolicy " + USER,
            "secretsmanager:GetSecretValue " + SECRET,
            "sns:Publish " + TOPIC,
            "athena:ListQueryExecutions arn:aws:athena:us-east-1:123456789012:workgroup/openmetadata",
            "athena:GetQueryExecution arn:aws:athena:us-east-1:123456789012:workgroup/openmetadata",
            "athena:StopQueryExecution arn:aws:athena:us-east-1:123456789012:workgroup/openmetadata",
            "cloudwatch:PutMetricData *");
    assertThat(needed.get(needed.size() - 1).context())
        .containsEntry("cloudwatch:namespace", "Platform/KillSwitch");
  }

  @Test
  void whatARunWillNotDoIsNotRequired() {
    List<Requirement> needed =
        requirements(config(Map.of("ATTACH_DENY_POLICY", "false")), new Role());

    assertThat(needed)
        .extracting(Requirement::action)
        .doesNotContain("iam:PutUserPolicy", "iam:GetUserPolicy", "athena:StopQueryExecution");
  }

  @Test
  void aRemovedPermissionIsNamedWithItsResourceAndDecision() {
    Role role = new Role("iam:UpdateAccessKey", "sns:Publish");
    List<Requirement> needed = requirements(config(Map.of()), role);

    List<String> denied = new PermissionSimulation(role).denied(ROLE, needed);

    assertThat(denied)
        .containsExactly(
            "iam:UpdateAccessKey on " + USER + ": implicitDeny",
            "sns:Publish on " + TOPIC + ": implicitDeny");
    // One simulation per resource, each of the role, with the namespace condition's context.
    assertThat(role.requests)
        .extracting(r -> r.resourceArns().get(0))
        .containsExactly(
            USER,
            SECRET,
            TOPIC,
            "arn:aws:athena:us-east-1:123456789012:workgroup/openmetadata",
            "*");
    assertThat(role.requests).allSatisfy(r -> assertThat(r.policySourceArn()).isEqualTo(ROLE));
    assertThat(role.requests.get(4).contextEntries())
        .singleElement()
        .satisfies(c -> assertThat(c.contextKeyValues()).containsExactly("Platform/KillSwitch"));
  }

  @Test
  void aRoleThatMayDoEverythingIsDeniedNothing() {
    Role role = new Role();

    assertThat(new PermissionSimulation(role).denied(ROLE, requirements(config(Map.of()), role)))
        .isEmpty();
  }
}
