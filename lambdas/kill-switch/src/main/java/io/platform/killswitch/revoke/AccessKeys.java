package io.platform.killswitch.revoke;

import io.platform.killswitch.aws.UserAccessKeys;
import io.platform.killswitch.config.RevokeScope;
import io.platform.killswitch.secret.SecretException;
import io.platform.killswitch.secret.ServiceUser;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;

/** Sets the user's access keys in scope Inactive. */
final class AccessKeys {
  static final String ACTION = "deactivate-key";

  private final IamClient iam;
  private final RevokeScope scope;
  private final boolean dryRun;

  AccessKeys(IamClient iam, RevokeScope scope, boolean dryRun) {
    this.iam = iam;
    this.scope = scope;
    this.dryRun = dryRun;
  }

  /**
   * Lists the user's keys and checks the secret against them, before anything is written.
   *
   * @throws SecretException when the user does not exist, or (configured-key scope) the key named
   *     in the secret is not one of the user's: acting then could hit the wrong user
   */
  List<AccessKeyMetadata> inspect(ServiceUser user, String secretId) {
    List<AccessKeyMetadata> keys;
    try {
      keys = UserAccessKeys.list(iam, user.username());
    } catch (NoSuchEntityException e) {
      throw new SecretException(
          "secret " + secretId + " names IAM user " + user.username() + ", which does not exist",
          e);
    }
    boolean owned = keys.stream().anyMatch(k -> user.accessKeyId().equals(k.accessKeyId()));
    if (scope == RevokeScope.CONFIGURED_KEY && !owned) {
      throw new SecretException(
          "secret "
              + secretId
              + " names access key "
              + user.accessKeyId()
              + ", which IAM user "
              + user.username()
              + " does not have");
    }
    return keys;
  }

  void deactivate(ServiceUser user, List<AccessKeyMetadata> keys, Consumer<StepResult> results) {
    if (keys.isEmpty()) {
      // Only the all-keys scope gets here: the notice still says that the keys were looked at.
      results.accept(
          new StepResult(
              ACTION, user.username(), StepOutcome.NO_OP, "the user has no access keys"));
    }
    for (AccessKeyMetadata key : keys) {
      if (scope == RevokeScope.CONFIGURED_KEY && !key.accessKeyId().equals(user.accessKeyId())) {
        results.accept(
            new StepResult(
                ACTION,
                key.accessKeyId(),
                StepOutcome.SKIPPED,
                "not the key in the secret (REVOKE_SCOPE="
                    + scope.value()
                    + "); left "
                    + key.statusAsString()));
        continue;
      }
      results.accept(deactivate(user.username(), key));
    }
  }

  private StepResult deactivate(String username, AccessKeyMetadata key) {
    String id = key.accessKeyId();
    if (key.status() == StatusType.INACTIVE) {
      return new StepResult(ACTION, id, StepOutcome.NO_OP, "already Inactive");
    }
    if (dryRun) {
      return new StepResult(ACTION, id, StepOutcome.DRY_RUN, "would set Inactive");
    }
    try {
      iam.updateAccessKey(b -> b.userName(username).accessKeyId(id).status(StatusType.INACTIVE));
      return new StepResult(ACTION, id, StepOutcome.DONE, "set Inactive");
    } catch (SdkException e) {
      return StepResult.failed(ACTION, id, e);
    }
  }
}
