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
 * @param athenaWorkgroup the workgroup the alarms watch: its queries in the alarm's window are
 *     listed in the notice, and stopped with {@code stopQueries}; empty when not given
 * @param stopQueries whether to stop the workgroup's queued and running queries
 * @param dryRun read and report everything, write nothing to IAM or Athena
 * @param heartbeat what the proof-of-life run checks beyond the secret and the key
 * @param pricePerTbUsd the Athena price per TB scanned, for the dollars in the notice
 */
public record KillSwitchConfig(
    String secretId,
    AlarmAllowlist allowlist,
    String snsTopicArn,
    RevokeScope scope,
    boolean attachDenyPolicy,
    Optional<String> athenaWorkgroup,
    boolean stopQueries,
    boolean dryRun,
    HeartbeatSettings heartbeat,
    double pricePerTbUsd) {

  public static final String SECRET_ID = "SECRET_ID";
  public static final String ALARM_NAMES = "ALARM_NAMES";
  public static final String ALARM_NAME_PREFIX = "ALARM_NAME_PREFIX";
  public static final String SNS_TOPIC_ARN = "SNS_TOPIC_ARN";
  public static final String REVOKE_SCOPE = "REVOKE_SCOPE";
  public static final String ATTACH_DENY_POLICY = "ATTACH_DENY_POLICY";
  public static final String STOP_QUERIES = "STOP_QUERIES";
  public static final String ATHENA_WORKGROUP = "ATHENA_WORKGROUP";
  public static final String DRY_RUN = "DRY_RUN";
  public static final String USER_ARN = "USER_ARN";
  public static final String FUNCTION_ROLE_ARN = "FUNCTION_ROLE_ARN";
  public static final String CHECK_PERMISSIONS = "CHECK_PERMISSIONS";
  public static final String PRICE_PER_TB_USD = "PRICE_PER_TB_USD";

  /** Set by Lambda itself. */
  public static final String FUNCTION_NAME = "AWS_LAMBDA_FUNCTION_NAME";

  /** Athena's published price per TB scanned in most regions. */
  public static final double DEFAULT_PRICE_PER_TB_USD = 5.0;

  /**
   * What the heartbeat checks beyond the secret and the key.
   *
   * @param userArn the IAM user the secret must name; empty: any user that has the key
   * @param roleArn the function's own role, whose permissions are simulated
   * @param checkPermissions whether to simulate them (the emulator cannot)
   * @param functionName the {@code FunctionName} of the heartbeat metric: Lambda's {@code
   *     AWS_LAMBDA_FUNCTION_NAME}; empty outside Lambda, where the context names the function
   */
  public record HeartbeatSettings(
      Optional<String> userArn,
      Optional<String> roleArn,
      boolean checkPermissions,
      Optional<String> functionName) {}

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
        optional(env, REVOKE_SCOPE)
            .map(v -> RevokeScope.parse(REVOKE_SCOPE, v))
            .orElse(RevokeScope.CONFIGURED_KEY),
        flag(env, ATTACH_DENY_POLICY, true),
        workgroup,
        stopQueries,
        flag(env, DRY_RUN, false),
        new HeartbeatSettings(
            optional(env, USER_ARN),
            optional(env, FUNCTION_ROLE_ARN),
            flag(env, CHECK_PERMISSIONS, true),
            optional(env, FUNCTION_NAME)),
        price(env));
  }

  private static double price(Map<String, String> env) {
    Optional<String> value = optional(env, PRICE_PER_TB_USD);
    if (value.isEmpty()) {
      return DEFAULT_PRICE_PER_TB_USD;
    }
    try {
      double price = Double.parseDouble(value.get());
      if (price > 0 && Double.isFinite(price)) {
        return price;
      }
    } catch (NumberFormatException e) {
      // reported below, like a price that is not positive
    }
    throw new ConfigurationException(
        PRICE_PER_TB_USD + "=" + value.get() + " is not a positive number of US dollars");
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
      default ->
          throw new ConfigurationException(name + "=" + value.get() + " is not true or false");
    };
  }
}
