package io.platform.killswitch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KillSwitchConfigTest {
  private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:kill-switch";

  private static Map<String, String> minimal() {
    Map<String, String> env = new HashMap<>();
    env.put("SECRET_ID", "platform/kill-switch/service-user");
    env.put("ALARM_NAMES", "a");
    env.put("SNS_TOPIC_ARN", TOPIC);
    return env;
  }

  @Test
  void theDefaultsAreTheSafeOnes() {
    KillSwitchConfig config = KillSwitchConfig.fromEnvironment(minimal());

    assertThat(config.secretId()).isEqualTo("platform/kill-switch/service-user");
    assertThat(config.snsTopicArn()).isEqualTo(TOPIC);
    assertThat(config.scope()).isEqualTo(RevokeScope.CONFIGURED_KEY);
    assertThat(config.attachDenyPolicy()).isTrue();
    assertThat(config.stopQueries()).isFalse();
    assertThat(config.dryRun()).isFalse();
  }

  @Test
  void readsEverySetting() {
    Map<String, String> env = minimal();
    env.put("REVOKE_SCOPE", " All-Keys ");
    env.put("ATTACH_DENY_POLICY", "FALSE");
    env.put("STOP_QUERIES", "true");
    env.put("ATHENA_WORKGROUP", "openmetadata");
    env.put("DRY_RUN", "True");

    KillSwitchConfig config = KillSwitchConfig.fromEnvironment(env);

    assertThat(config.scope()).isEqualTo(RevokeScope.ALL_KEYS);
    assertThat(config.attachDenyPolicy()).isFalse();
    assertThat(config.athenaWorkgroup()).contains("openmetadata");
    assertThat(config.dryRun()).isTrue();
  }

  @Test
  void aWorkgroupWithoutStopQueriesIsDescribedButLeftRunning() {
    Map<String, String> env = minimal();
    env.put("ATHENA_WORKGROUP", "openmetadata");

    KillSwitchConfig config = KillSwitchConfig.fromEnvironment(env);

    assertThat(config.athenaWorkgroup()).contains("openmetadata");
    assertThat(config.stopQueries()).isFalse();
  }

  @Test
  void theHeartbeatChecksPermissionsAndThePriceIsAthenasUnlessToldOtherwise() {
    KillSwitchConfig defaults = KillSwitchConfig.fromEnvironment(minimal());
    Map<String, String> env = minimal();
    env.put("USER_ARN", "arn:aws:iam::123456789012:user/svc-openmetadata");
    env.put("FUNCTION_ROLE_ARN", "arn:aws:iam::123456789012:role/kill-switch-function");
    env.put("CHECK_PERMISSIONS", "false");
    env.put("PRICE_PER_TB_USD", "6.25");
    env.put("AWS_LAMBDA_FUNCTION_NAME", "kill-switch");

    KillSwitchConfig config = KillSwitchConfig.fromEnvironment(env);

    assertThat(defaults.heartbeat().checkPermissions()).isTrue();
    assertThat(defaults.pricePerTbUsd()).isEqualTo(5.0);
    assertThat(config.heartbeat().userArn())
        .contains("arn:aws:iam::123456789012:user/svc-openmetadata");
    assertThat(config.heartbeat().roleArn())
        .contains("arn:aws:iam::123456789012:role/kill-switch-function");
    assertThat(config.heartbeat().checkPermissions()).isFalse();
    assertThat(config.heartbeat().functionName()).contains("kill-switch");
    assertThat(config.pricePerTbUsd()).isEqualTo(6.25);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "SECRET_ID, '', SECRET_ID is not set",
    "SNS_TOPIC_ARN, '  ', SNS_TOPIC_ARN is not set",
    "ALARM_NAMES, ' , ', set ALARM_NAMES",
    "DRY_RUN, yes, DRY_RUN=yes is not true or false",
    "ATTACH_DENY_POLICY, 1, ATTACH_DENY_POLICY=1 is not true or false",
    "REVOKE_SCOPE, everything, 'REVOKE_SCOPE=everything is not a scope; use one of configured-key, all-keys'",
    "STOP_QUERIES, true, STOP_QUERIES=true needs ATHENA_WORKGROUP",
    "CHECK_PERMISSIONS, on, CHECK_PERMISSIONS=on is not true or false",
    "PRICE_PER_TB_USD, five, PRICE_PER_TB_USD=five is not a positive number of US dollars",
    "PRICE_PER_TB_USD, -5, PRICE_PER_TB_USD=-5 is not a positive number of US dollars",
  })
  void aMissingOrWrongValueIsAnErrorNamingTheVariable(
      String variable, String value, String message) {
    Map<String, String> env = minimal();
    env.put(variable, value);

    assertThatThrownBy(() -> KillSwitchConfig.fromEnvironment(env))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(message);
  }
}
