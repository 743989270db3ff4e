package io.platform.killswitch.revoke;

import io.platform.killswitch.aws.AwsErrors;

/**
 * One step of a revocation and its outcome.
 *
 * @param action e.g. {@code deactivate-key}, {@code attach-deny-policy}, {@code stop-query}
 * @param target what it acted on: a key id, a user, a query execution id, a workgroup
 * @param detail a short human-readable explanation (never a secret)
 */
public record StepResult(String action, String target, StepOutcome outcome, String detail) {

  static StepResult failed(String action, String target, RuntimeException e) {
    return new StepResult(action, target, StepOutcome.FAILED, AwsErrors.describe(e));
  }
}
