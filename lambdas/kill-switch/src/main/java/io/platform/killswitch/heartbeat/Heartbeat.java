package io.platform.killswitch.heartbeat;

import io.platform.killswitch.aws.AwsErrors;
import io.platform.killswitch.aws.UserAccessKeys;
import io.platform.killswitch.config.KillSwitchConfig;
import io.platform.killswitch.heartbeat.PermissionSimulation.Requirement;
import io.platform.killswitch.secret.SecretException;
import io.platform.killswitch.secret.SecretReader;
import io.platform.killswitch.secret.ServiceUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;

/**
 * The proof of life: everything a real run reads, read, and everything it writes, simulated. It
 * holds no client or object that can write to IAM or Athena, so no heartbeat revokes, whatever
 * {@code DRY_RUN} says.
 */
public final class Heartbeat {
  static final String SECRET = "secret";
  static final String USER = "user";
  static final String ACCESS_KEY = "access-key";
  static final String PERMISSIONS = "permissions";

  private final KillSwitchConfig config;
  private final SecretReader secrets;
  private final IamClient iam;
  private final PermissionSimulation simulation;

  public Heartbeat(KillSwitchConfig config, SecretReader secrets, IamClient iam) {
    this.config = config;
    this.secrets = secrets;
    this.iam = iam;
    this.simulation = new PermissionSimulation(iam);
  }

  /**
   * Runs every check; a failed one does not stop the others, so that one heartbeat names every
   * fault.
   *
   * @param region the function's region, for the workgroup's ARN
   */
  public HeartbeatResult check(String functionName, String region) {
    List<HealthCheck> checks = new ArrayList<>();
    Optional<ServiceUser> user = readSecret(checks);
    Optional<String> userArn = config.heartbeat().userArn();
    if (user.isEmpty()) {
      checks.add(HealthCheck.skipped(USER, "the secret could not be read"));
      checks.add(HealthCheck.skipped(ACCESS_KEY, "the secret could not be read"));
    } else {
      checks.add(configuredUser(user.get(), userArn));
      checks.add(accessKey(user.get()));
    }
    checks.add(permissions(userArn.or(() -> user.map(u -> userArnFromRole(u.username()))), region));
    return new HeartbeatResult(functionName, checks);
  }

  private Optional<ServiceUser> readSecret(List<HealthCheck> checks) {
    try {
      ServiceUser user = secrets.read(config.secretId());
      checks.add(
          HealthCheck.passed(
              SECRET,
              "secret "
                  + config.secretId()
                  + " names user "
                  + user.username()
                  + " and key "
                  + user.accessKeyId()));
      return Optional.of(user);
    } catch (SecretException | SdkException e) {
      // A SecretException names the secret already.
      checks.add(
          HealthCheck.failed(
              SECRET,
              e instanceof SdkException sdk
                  ? "secret " + config.secretId() + " cannot be read: " + AwsErrors.describe(sdk)
                  : e.getMessage()));
      return Optional.empty();
    }
  }

  private static HealthCheck configuredUser(ServiceUser user, Optional<String> userArn) {
    if (userArn.isEmpty()) {
      return HealthCheck.skipped(
          USER, KillSwitchConfig.USER_ARN + " is not set: any user that holds the key is accepted");
    }
    String configured = userArn.get().substring(userArn.get().lastIndexOf('/') + 1);
    return configured.equals(user.username())
        ? HealthCheck.passed(USER, "the secret names the configured user " + configured)
        : HealthCheck.failed(
            USER,
            "the secret names user "
                + user.username()
                + ", but the kill switch guards "
                + userArn.get()
                + ": an alarm would disable the wrong user's key, or none");
  }

  private HealthCheck accessKey(ServiceUser user) {
    List<AccessKeyMetadata> keys;
    try {
      keys = UserAccessKeys.list(iam, user.username());
    } catch (NoSuchEntityException e) {
      return HealthCheck.failed(ACCESS_KEY, "IAM user " + user.username() + " does not exist");
    } catch (SdkException e) {
      return HealthCheck.failed(
          ACCESS_KEY,
          "the keys of " + user.username() + " cannot be listed: " + AwsErrors.describe(e));
    }
    Optional<AccessKeyMetadata> key =
        keys.stream().filter(k -> k.accessKeyId().equals(user.accessKeyId())).findFirst();
    if (key.isEmpty()) {
      return HealthCheck.failed(
          ACCESS_KEY,
          "IAM user "
              + user.username()
              + " has no key "
              + user.accessKeyId()
              + " (rotated without updating the secret?)");
    }
    if (key.get().status() != StatusType.ACTIVE) {
      return HealthCheck.failed(
          ACCESS_KEY,
          "key "
              + user.accessKeyId()
              + " is already "
              + key.get().statusAsString()
              + ": the kill switch has nothing left to disable, and the service is not running on it");
    }
    return HealthCheck.passed(
        ACCESS_KEY, "key " + user.accessKeyId() + " of " + user.username() + " is Active");
  }

  private HealthCheck permissions(Optional<String> userArn, String region) {
    if (!config.heartbeat().checkPermissions()) {
      return HealthCheck.skipped(PERMISSIONS, KillSwitchConfig.CHECK_PERMISSIONS + "=false");
    }
    Optional<String> roleArn = config.heartbeat().roleArn();
    if (roleArn.isEmpty()) {
      return HealthCheck.failed(
          PERMISSIONS,
          KillSwitchConfig.FUNCTION_ROLE_ARN + " is not set: the role cannot be simulated");
    }
    try {
      List<String> denied =
          simulation.denied(roleArn.get(), requirements(userArn, roleArn.get(), region));
      return denied.isEmpty()
          ? HealthCheck.passed(
              PERMISSIONS, "role " + roleArn.get() + " may make every call of a real run")
          : HealthCheck.failed(
              PERMISSIONS, "role " + roleArn.get() + " is denied " + String.join("; ", denied));
    } catch (SdkException e) {
      return HealthCheck.failed(
          PERMISSIONS, "the role's permissions cannot be simulated: " + AwsErrors.describe(e));
    }
  }

  /** Every call a real run makes, on the resource it makes it on. */
  List<Requirement> requirements(Optional<String> userArn, String roleArn, String region) {
    List<Requirement> needed = new ArrayList<>();
    userArn.ifPresent(
        user -> {
          needed.add(new Requirement("iam:ListAccessKeys", user));
          needed.add(new Requirement("iam:UpdateAccessKey", user));
          if (config.attachDenyPolicy()) {
            needed.add(new Requirement("iam:GetUserPolicy", user));
            needed.add(new Requirement("iam:PutUserPolicy", user));
          }
        });
    if (config.secretId().startsWith("arn:")) {
      needed.add(new Requirement("secretsmanager:GetSecretValue", config.secretId()));
    }
    needed.add(new Requirement("sns:Publish", config.snsTopicArn()));
    config
        .athenaWorkgroup()
        .ifPresent(
            workgroup -> {
              String[] role = roleArn.split(":");
              String arn =
                  "arn:"
                      + role[1]
                      + ":athena:"
                      + region
                      + ":"
                      + role[4]
                      + ":workgroup/"
                      + workgroup;
              needed.add(new Requirement("athena:ListQueryExecutions", arn));
              needed.add(new Requirement("athena:GetQueryExecution", arn));
              if (config.stopQueries()) {
                needed.add(new Requirement("athena:StopQueryExecution", arn));
              }
            });
    needed.add(
        new Requirement(
            "cloudwatch:PutMetricData",
            "*",
            Map.of("cloudwatch:namespace", HeartbeatMetric.NAMESPACE)));
    return needed;
  }

  /** Without {@code USER_ARN}: the user in the role's account, at the root path. */
  private String userArnFromRole(String username) {
    return config
        .heartbeat()
        .roleArn()
        .map(role -> role.split(":"))
        .filter(parts -> parts.length > 4)
        .map(parts -> "arn:" + parts[1] + ":iam::" + parts[4] + ":user/" + username)
        .orElse("*");
  }
}
