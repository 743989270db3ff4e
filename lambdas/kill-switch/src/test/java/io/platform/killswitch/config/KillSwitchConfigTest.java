package io.platform.killswitch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
  void aWorkgroupWithoutStopQueriesLeavesQueriesAlone() {
    Map<String, String> env = minimal();
    env.put("ATHENA_WORKGROUP", "openmetadata");

    assertThat(KillSwitchConfig.fromEnvironment(env).athenaWorkgroup()).isEqualTo(Optional.empty());
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
  })
  void aMissingOrWrongValueIsAnErrorNamingTheVariable(String variable, String value, String message) {
    Map<String, String> env = minimal();
    env.put(variable, value);

    assertThatThrownBy(() -> KillSwitchConfig.fromEnvironment(env))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(message);
  }
}
