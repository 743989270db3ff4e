package io.platform.killswitch.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the function is told through its environment (set by modules/kill-switch).
 *
 * @param secretId ARN or name of the secret holding {@code {"username", "access_key_id"}}
 * @param allowlist the alarms that may trigger it
 * @param snsTopicArn where the notice of each acted-on event goes
 * @param scope which of the user's keys to deactivate
 * @param attachDenyPolicy whether to attach the inline deny policy, which also stops session
 *     credentials minted from the key
 * @param athenaWorkgroup the workgroup whose queued and running queries are stopped; empty when
 *     queries are left alone
 * @param dryRun read and report everything, write nothing to IAM or Athena
 */
public record KillSwitchConfig(
    String secretId,
    AlarmAllowlist allowlist,
    String snsTopicArn,
    RevokeScope scope,
    boolean attachDenyPolicy,
    Optional<String> athenaWorkgroup,
    boolean dryRun) {

  public static final String SECRET_ID = "SECRET_ID";
  public static final String ALARM_NAMES = "ALARM_NAMES";
  public static final String ALARM_NAME_PREFIX = "ALARM_NAME_PREFIX";
  public static final String SNS_TOPIC_ARN = "SNS_TOPIC_ARN";
  public static final String REVOKE_SCOPE = "REVOKE_SCOPE";
  public static final String ATTACH_DENY_POLICY = "ATTACH_DENY_POLICY";
  public static final String STOP_QUERIES = "STOP_QUERIES";
  public static final String ATHENA_WORKGROUP = "ATHENA_WORKGROUP";
  public static final String DRY_RUN = "DRY_RUN";

  /**
   * Reads the configuration from environment variables.
   *
   * @throws ConfigurationException naming the variable that is missing or wrong
   */
  public static KillSwitchConfig fromEnvironment(Map<String, String> env) {
    boolean stopQueries = flag(env, STOP_QUERIES, false);
    Optional<String> workgroup = optional(env, ATHENA_WORKGROUP);
    if (stopQueries && workgroup.isEmpty()) {
      throw new ConfigurationException(STOP_QUERIES + "=true needs " + ATHENA_WORKGROUP);
    }
    return new KillSwitchConfig(
        required(env, SECRET_ID),
        AlarmAllowlist.parse(env.get(ALARM_NAMES), env.get(ALARM_NAME_PREFIX)),
        required(env, SNS_TOPIC_ARN),
        optional(env, REVOKE_SCOPE).map(v -> RevokeScope.parse(REVOKE_SCOPE, v)).orElse(RevokeScope.CONFIGURED_KEY),
        flag(env, ATTACH_DENY_POLICY, true),
        stopQueries ? workgroup : Optional.empty(),
        flag(env, DRY_RUN, false));
  }

  public boolean stopQueries() {
    return athenaWorkgroup.isPresent();
  }

  private static String required(Map<String, String> env, String name) {
    return optional(env, name).orElseThrow(() -> new ConfigurationException(name + " is not set"));
  }

  private static Optional<String> optional(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }

  /** Only {@code true} and {@code false} (any case): a typo must not flip a safety switch. */
  private static boolean flag(Map<String, String> env, String name, boolean defaultValue) {
    Optional<String> value = optional(env, name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    return switch (value.get().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new ConfigurationException(name + "=" + value.get() + " is not true or false");
    };
  }
}
