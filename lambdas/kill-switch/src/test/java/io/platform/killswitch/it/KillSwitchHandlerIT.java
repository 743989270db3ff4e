package io.platform.killswitch.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platform.killswitch.Fixtures;
import io.platform.killswitch.KillSwitch;
import io.platform.killswitch.KillSwitchFailure;
import io.platform.killswitch.aws.AwsClients;
import io.platform.killswitch.config.KillSwitchConfig;
import io.platform.killswitch.local.LocalContext;
import io.platform.killswitch.log.JsonLog;
import io.platform.killswitch.secret.SecretPrefetch;
import io.platform.testkit.ResetEmulator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.StatusType;

/**
 * What the handler revokes, and how it reports it: the documented alarm, a redelivery, a dry run,
 * each revocation option, and a notice that cannot be published.
 */
@ResetEmulator
class KillSwitchHandlerIT extends HandlerInvocations {
  private static final DateTimeFormatter CLOUDWATCH_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

  @Test
  void theDocumentedAlarmDisablesTheKeyAttachesTheDenyPolicyAndSendsOneNotice() {
    Invocation run = invoke("alarm.json");

    assertThat(run.thrown()).isNull();
    assertThat(run.outcome()).isEqualTo("REVOKED");
    assertThat(account.keyStatus(account.configuredKeyId())).isEqualTo(StatusType.INACTIVE);
    assertThat(account.keyStatus(account.otherKeyId()))
        .as("out of scope")
        .isEqualTo(StatusType.ACTIVE);
    assertThat(account.denyPolicy())
        .hasValueSatisfying(
            policy -> {
              JsonNode statement = policy.path("Statement").get(0);
              assertThat(statement.path("Effect").asText()).isEqualTo("Deny");
              assertThat(statement.path("Action").asText()).isEqualTo("*");
              assertThat(statement.path("Resource").asText()).isEqualTo("*");
            });

    assertThat(account.notices())
        .singleElement()
        .satisfies(
            notice -> {
              assertThat(notice.subject())
                  .isEqualTo(
                      "[kill-switch] REVOKED svc-openmetadata on alarm " + ServiceAccount.ALARM);
              assertThat(notice.message())
                  .contains(
                      ServiceAccount.ALARM,
                      ServiceAccount.USER,
                      account.configuredKeyId(),
                      account.otherKeyId())
                  .contains("deactivate-key " + account.configuredKeyId() + ": done")
                  .contains("attach-deny-policy svc-openmetadata: done")
                  .contains("stop-queries -: skipped - STOP_QUERIES=false")
                  .contains("Failures: none");
              account
                  .secretAccessKeys()
                  .forEach(secret -> assertThat(notice.message()).doesNotContain(secret));
            });
    assertThat(run.log())
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains(
                        "\"event\":\"step\"",
                        "\"action\":\"deactivate-key\"",
                        "\"outcome\":\"done\"",
                        account.configuredKeyId()));
  }

  @Test
  void theSameEventTwiceIsANoOpTheSecondTime() {
    invoke("alarm.json");
    account.notices();

    Invocation second = invoke("alarm.json");

    assertThat(second.outcome()).isEqualTo("NO_OP");
    assertThat(second.steps("deactivate-key"))
        .filteredOn(s -> s.path("target").asText().equals(account.configuredKeyId()))
        .singleElement()
        .satisfies(s -> assertThat(s.path("detail").asText()).isEqualTo("already Inactive"));
    assertThat(second.steps("attach-deny-policy"))
        .singleElement()
        .satisfies(s -> assertThat(s.path("outcome").asText()).isEqualTo("no-op"));
    assertThat(account.notices())
        .singleElement()
        .satisfies(n -> assertThat(n.subject()).startsWith("[kill-switch] NO OP"));
  }

  @Test
  void aDryRunWritesNothingAndSaysWhatItWouldDo() {
    Invocation run = invoke("alarm.json", Map.of("DRY_RUN", "true", "STOP_QUERIES", "true"));

    assertThat(run.outcome()).isEqualTo("DRY_RUN");
    assertUntouched();
    assertThat(account.notices())
        .singleElement()
        .satisfies(
            notice -> {
              assertThat(notice.subject()).startsWith("[kill-switch] DRY RUN");
              assertThat(notice.message())
                  .contains(
                      "deactivate-key "
                          + account.configuredKeyId()
                          + ": dry run - would set Inactive")
                  .contains("would attach platform-kill-switch-deny");
            });
  }

  @Test
  void theAllKeysScopeDisablesEveryKeyOfTheUser() {
    Invocation run = invoke("sustained-alarm.json", Map.of("REVOKE_SCOPE", "all-keys"));

    assertThat(run.outcome()).isEqualTo("REVOKED");
    assertThat(account.keyStatus(account.configuredKeyId())).isEqualTo(StatusType.INACTIVE);
    assertThat(account.keyStatus(account.otherKeyId())).isEqualTo(StatusType.INACTIVE);
    assertThat(run.steps("deactivate-key"))
        .hasSize(2)
        .allSatisfy(s -> assertThat(s.path("outcome").asText()).isEqualTo("done"));
  }

  @Test
  void theAllKeysScopeSaysSoWhenTheUserHasNoKeys() {
    account.deleteAccessKeys();

    Invocation run = invoke("alarm.json", Map.of("REVOKE_SCOPE", "all-keys"));

    assertThat(run.outcome()).isEqualTo("REVOKED");
    assertThat(run.steps("deactivate-key"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.path("target").asText()).isEqualTo(ServiceAccount.USER);
              assertThat(s.path("outcome").asText()).isEqualTo("no-op");
            });
    assertThat(account.notices())
        .singleElement()
        .satisfies(
            notice ->
                assertThat(notice.message())
                    .contains(
                        "deactivate-key svc-openmetadata: no-op - the user has no access keys"));
  }

  @Test
  void withoutTheDenyPolicyOnlyTheKeyIsDisabled() {
    Invocation run = invoke("alarm.json", Map.of("ATTACH_DENY_POLICY", "false"));

    assertThat(account.keyStatus(account.configuredKeyId())).isEqualTo(StatusType.INACTIVE);
    assertThat(account.userPolicies()).isEmpty();
    assertThat(run.steps("attach-deny-policy"))
        .singleElement()
        .satisfies(s -> assertThat(s.path("outcome").asText()).isEqualTo("skipped"));
  }

  @Test
  void aDenyPolicyOfTheSameNameButAnotherDocumentIsReplaced() {
    account.putUserPolicy(
        ServiceAccount.DENY_POLICY,
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}");

    Invocation run = invoke("alarm.json");

    assertThat(run.steps("attach-deny-policy"))
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.path("detail").asText())
                    .isEqualTo("replaced platform-kill-switch-deny"));
    assertThat(account.denyPolicy())
        .hasValueSatisfying(p -> assertThat(p.at("/Statement/0/Action").asText()).isEqualTo("*"));
  }

  @Test
  void stopsTheWorkgroupsRunningQueriesAndLeavesFinishedOnesAlone() {
    QueryStates states = QueryStates.oneStepPerRead(aws);
    try {
      String finished = account.startQuery("SELECT 1");
      account.queryState(finished);
      assertThat(account.queryState(finished)).isEqualTo("SUCCEEDED");
      String running = account.startQuery("SELECT * FROM big_table");

      Invocation run = invoke("alarm.json", Map.of("STOP_QUERIES", "true"));

      assertThat(run.outcome()).isEqualTo("REVOKED");
      assertThat(run.steps("stop-query"))
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.path("target").asText()).isEqualTo(running);
                assertThat(s.path("detail").asText()).isEqualTo("stopped (was RUNNING)");
              });
      assertThat(account.queryState(running)).isEqualTo("CANCELLED");
      assertThat(account.queryState(finished)).isEqualTo("SUCCEEDED");

      Invocation again = invoke("alarm.json", Map.of("STOP_QUERIES", "true"));
      assertThat(again.steps("stop-queries"))
          .singleElement()
          .satisfies(
              s -> assertThat(s.path("detail").asText()).isEqualTo("no queued or running queries"));
    } finally {
      states.close();
    }
  }

  @Test
  void aSecretReadDuringInitServesOnlyTheFirstInvocationSoARotatedKeyIsRevokedNextTime() {
    Map<String, String> env = account.environment();
    KillSwitchConfig config = KillSwitchConfig.fromEnvironment(env);
    List<String> lines = new ArrayList<>();
    JsonLog log = new JsonLog(JSON, lines::add, "prefetch");
    try (AwsClients clients = AwsClients.fromEnvironment(env, false)) {
      Optional<SecretPrefetch> prefetch =
          SecretPrefetch.startIfOnDemand(env, clients, config.secretId());
      KillSwitch killSwitch = new KillSwitch(config, clients, JSON, Clock.systemUTC(), prefetch);

      JsonNode first =
          killSwitch.handle(Fixtures.event("alarm.json"), log, new LocalContext(lines::add));
      // The operator restores access with a new key, written into the secret; the same
      // environment then gets the next alarm.
      account.putSecret(account.secretValue(ServiceAccount.USER, account.otherKeyId()));
      JsonNode second =
          killSwitch.handle(Fixtures.event("alarm.json"), log, new LocalContext(lines::add));

      assertThat(prefetch).isPresent();
      assertThat(first.path("access_key_id").asText()).isEqualTo(account.configuredKeyId());
      assertThat(second.path("access_key_id").asText()).isEqualTo(account.otherKeyId());
      assertThat(account.keyStatus(account.otherKeyId())).isEqualTo(StatusType.INACTIVE);
    }
  }

  @Test
  void theNoticeListsTheQueriesOfTheAlarmsWindowWithLiteralsElidedReadAfterTheKeyIsInactive() {
    for (String customer : List.of("jane@example.com", "joe@example.com", "kim@example.com")) {
      account.startQuery("SELECT * FROM orders WHERE email = '" + customer + "' AND total > 1000");
    }
    ObjectNode event = (ObjectNode) HeartbeatIT.read("alarm.json");
    ObjectNode state = (ObjectNode) event.path("detail").path("state");
    Instant now = Instant.now();
    state.put("timestamp", CLOUDWATCH_TIME.format(now.plusSeconds(5)));
    state.put(
        "reasonData",
        "{\"startDate\":\"" + CLOUDWATCH_TIME.format(now.minusSeconds(300)) + "\",\"period\":60}");

    Invocation run = invoke(event, Map.of());

    assertThat(run.outcome()).isEqualTo("REVOKED");
    assertThat(account.notices())
        .singleElement()
        .satisfies(
            notice ->
                assertThat(notice.message())
                    .contains("Queries in workgroup " + ServiceAccount.WORKGROUP)
                    .contains("3 queries, 0 bytes scanned ($0.00); the largest:")
                    .contains("SELECT * FROM orders WHERE email = ? AND total > ?")
                    .doesNotContain("jane@example.com"));
    int revoked = indexOf(run.log(), "\"action\":\"deactivate-key\"");
    int described = indexOf(run.log(), "\"event\":\"queries\"");
    assertThat(revoked).as("the key's step is logged").isNotNegative();
    assertThat(described)
        .as("the queries are read after the key is Inactive")
        .isGreaterThan(revoked);
    assertThat(run.log().get(described))
        .contains("\"count\":3", "\"total_usd\":\"$0.00\"")
        .doesNotContain("example.com");
  }

  private static int indexOf(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void aNoticeThatCannotBePublishedFailsTheInvocationAfterTheRevocation() {
    Invocation run =
        invoke(
            "alarm.json",
            Map.of("SNS_TOPIC_ARN", "arn:aws:sns:us-east-1:123456789012:no-such-topic"));

    assertThat(run.thrown())
        .isInstanceOf(KillSwitchFailure.class)
        .hasMessageContaining("could not be published");
    assertThat(account.keyStatus(account.configuredKeyId())).isEqualTo(StatusType.INACTIVE);
  }
}
