package io.platform.killswitch.heartbeat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse;

/**
 * Asks IAM whether the function's own role may still make every call a real run makes ({@code
 * iam:SimulatePrincipalPolicy}): a permission removed from the role is found by the heartbeat, not
 * by the alarm that needed it.
 */
final class PermissionSimulation {
  /** An action on one resource, with the condition keys the role's policy tests. */
  record Requirement(String action, String resourceArn, Map<String, String> context) {
    Requirement(String action, String resourceArn) {
      this(action, resourceArn, Map.of());
    }
  }

  private final IamClient iam;

  PermissionSimulation(IamClient iam) {
    this.iam = iam;
  }

  /**
   * The requirements the role is denied, each as {@code action on resource: decision}; empty when
   * all are allowed.
   */
  List<String> denied(String roleArn, List<Requirement> requirements) {
    // One call per resource and context: the simulation crosses every action with every resource
    // given.
    Map<List<Object>, List<Requirement>> groups = new LinkedHashMap<>();
    for (Requirement r : requirements) {
      groups.computeIfAbsent(List.of(r.resourceArn(), r.context()), k -> new ArrayList<>()).add(r);
    }
    List<String> denied = new ArrayList<>();
    for (List<Requirement> group : groups.values()) {
      Requirement first = group.get(0);
      List<String> actions = group.stream().map(Requirement::action).toList();
      List<ContextEntry> context =
          first.context().entrySet().stream()
              .map(
                  e ->
                      ContextEntry.builder()
                          .contextKeyName(e.getKey())
                          .contextKeyType(ContextKeyTypeEnum.STRING)
                          .contextKeyValues(e.getValue())
                          .build())
              .toList();
      String marker = null;
      do {
        String page = marker;
        SimulatePrincipalPolicyResponse response =
            iam.simulatePrincipalPolicy(
                b ->
                    b.policySourceArn(roleArn)
                        .actionNames(actions)
                        .resourceArns(first.resourceArn())
                        .contextEntries(context)
                        .marker(page));
        for (EvaluationResult result : response.evaluationResults()) {
          if (result.evalDecision() != PolicyEvaluationDecisionType.ALLOWED) {
            denied.add(
                result.evalActionName()
                    + " on "
                    + first.resourceArn()
                    + ": "
                    + result.evalDecisionAsString());
          }
        }
        marker = Boolean.TRUE.equals(response.isTruncated()) ? response.marker() : null;
      } while (marker != null);
    }
    return denied;
  }
}
