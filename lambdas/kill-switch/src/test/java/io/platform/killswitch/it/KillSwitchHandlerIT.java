package io.platform.killswitch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.platform.killswitch.Fixtures;
import io.platform.killswitch.KillSwitchFailure;
import io.platform.killswitch.KillSwitchHandler;
import io.platform.killswitch.aws.AwsClients;
import io.platform.killswitch.config.KillSwitchConfig;
import io.platform.killswitch.event.MalformedEventException;
import io.platform.killswitch.local.LocalContext;
import io.platform.terratest.ResetEmulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.iam.model.StatusType;

/**
 * The handler in-process against moto's IAM, Secrets Manager, SNS, SQS and Athena, fed the
 * event fixtures; every assertion reads the result back from the emulator.
 */
@ResetEmulator
class KillSwitchHandlerIT extends EmulatedAccount {
  private static final ObjectMapper JSON = new ObjectMapper();


  /** One run of the handler: its result, or what it threw, and its log lines. */
  record Invocation(JsonNode result, Throwable thrown, List<String> log) {
    String outcome() {
      return result.path("outcome").asText();
    }

    List<JsonNode> steps(String action) {
      return result.path("steps").findParents("action").stream()
          .filter(s -> s.path("action").asText().equals(action)).toList();
    }
  }

  private Invocation invoke(String fixture, Map<String, String> overrides) {
    Map<String, String> env = new java.util.HashMap<>(account.environment());
    env.putAll(overrides);
    List<String> lines = new java.util.ArrayList<>();
    LocalContext context = new LocalContext(lines::add);
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    KillSwitchConfig config = KillSwitchConfig.fromEnvironment(env);
    try (AwsClients clients = AwsClients.fromEnvironment(env, config.stopQueries())) {
      KillSwitchHandler handler = new KillSwitchHandler(config, clients, JSON);
      Throwable thrown = catchThrowable(() -> handler.handleRequest(Fixtures.event(fixture), output, context));
      JsonNode result = thrown == null ? JSON.readTree(output.toByteArray()) : null;
      Invocation invocation = new Invocation(result, thrown, lines);
      assertNoSecretLeaked(invocation);
      return invocation;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Invocation invoke(String fixture) {
    return invoke(fixture, Map.of());
  }

  /** Every log line is one JSON object, and no secret access key appears anywhere. */
  private void assertNoSecretLeaked(Invocation invocation) {
    for (String line : invocation.log()) {
      assertThat(line).endsWith("\n");
      try {
        assertThat(JSON.readTree(line).isObject()).as("log line %s", line).isTrue();
      } catch (IOException e) {
        throw new AssertionError("log line is not JSON: " + line, e);
      }
    }
    String everything = String.join("", invocation.log())
        + (invocation.result() == null ? "" : invocation.result().toString())
        + (invocation.thrown() == null ? "" : invocation.thrown().getMessage());
    for (String secret : account.secretAccessKeys()) {
      assertThat(everything).doesNotContain(secret);
    }
  }

  private void assertUntouched() {
    assertThat(account.keyStatus(account.configuredKeyId())).isEqualTo(StatusType.ACTIVE);
    assertThat(account.keyStatus(account.otherKeyId())).isEqualTo(StatusType.ACTIVE);
    assertThat(account.userPolicies()).isEmpty();
  }

  @Test
  void theDocumentedAlarmDisablesTheKeyAttachesTheDenyPolicyAndSendsOneNotice() {
    Invocation run = invoke("alarm.json");

    assertThat(run.thrown()).isNull();
    assertThat(run.outcome()).isEqualTo("REVOKED");
    assertThat(account.keyStatus(account.configuredKeyId())).isEqualTo(StatusType.INACTIVE);
    assertThat(account.keyStatus(account.otherKeyId())).as("out of scope").isEqualTo(StatusType.ACTIVE);
    assertThat(account.denyPolicy()).hasValueSatisfying(policy -> {
      JsonNode statement = policy.path("Statement").get(0);
      assertThat(statement.path("Effect").asText()).isEqualTo("Deny");
      assertThat(statement.path("Action").asText()).isEqualTo("*");
      assertThat(statement.path("Resource").asText()).isEqualTo("*");
    });

    assertThat(account.notices()).singleElement().satisfies(notice -> {
      assertThat(notice.subject()).isEqualTo("[kill-switch] REVOKED svc-openmetadata on alarm " + ServiceAccount.ALARM);
      assertThat(notice.message())
          .contains(ServiceAccount.ALARM, ServiceAccount.USER, account.configuredKeyId(), account.otherKeyId())
          .contains("deactivate-key " + account.configuredKeyId() + ": done")
          .contains("attach-deny-policy svc-openmetadata: done")
          .contains("stop-queries -: skipped - STOP_QUERIES=false")
          .contains("Failures: none");
      account.secretAccessKeys().forEach(secret -> assertThat(notice.message()).doesNotContain(secret));
    });
    assertThat(run.log()).anySatisfy(line -> assertThat(line)
        .contains("\"event\":\"step\"", "\"action\":\"deactivate-key\"", "\"outcome\":\"done\"", account.configuredKeyId()));
  }

  @Test
  void theSameEventTwiceIsANoOpTheSecondTime() {
    invoke("alarm.json");
    account.notices();

    Invocation second = invoke("alarm.json");

    assertThat(second.outcome()).isEqualTo("NO_OP");
    assertThat(second.steps("deactivate-key")).filteredOn(s -> s.path("target").asText().equals(account.configuredKeyId()))
        .singleElement().satisfies(s -> assertThat(s.path("detail").asText()).isEqualTo("already Inactive"));
    assertThat(second.steps("attach-deny-policy")).singleElement()
        .satisfies(s -> assertThat(s.path("outcome").asText()).isEqualTo("no-op"));
    assertThat(account.notices()).singleElement().satisfies(n -> assertThat(n.subject()).startsWith("[kill-switch] NO OP"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ok.json", "insufficient-data.json", "foreign-alarm.json", "scheduled-event.json"})
  void anEventThatIsNotAnAllowedAlarmIsIgnoredAndTouchesNothing(String fixture) {
    Invocation run = invoke(fixture);

    assertThat(run.thrown()).isNull();
    assertThat(run.outcome()).isEqualTo("IGNORED");
    assertThat(run.result().path("reason").asText()).isNotBlank();
    assertUntouched();
    assertThat(account.notices()).isEmpty();
    assertThat(run.log()).anySatisfy(line -> assertThat(line).contains("\"event\":\"event-ignored\""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"malformed-not-json.txt", "malformed-array.json", "malformed-missing-state.json"})
  void aMalformedEventFailsTheInvocationAndTouchesNothing(String fixture) {
    Invocation run = invoke(fixture);

    assertThat(run.thrown()).isInstanceOf(MalformedEventException.class);
    assertUntouched();
    assertThat(account.notices()).isEmpty();
    assertThat(run.log()).anySatisfy(line -> assertThat(line).contains("\"event\":\"event-malformed\""));
  }

  @Test
  void aMissingSecretFailsLoudlyNamingItAndTouchesNothing() {
    String missing = "arn:aws:secretsmanager:us-east-1:123456789012:secret:not-there-AbCdEf";

    Invocation run = invoke("alarm.json", Map.of("SECRET_ID", missing));

    assertFailedBeforeAnyWrite(run, missing, "does not exist");
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbled", "missing-field", "unknown-user", "foreign-key"})
  void anUnusableSecretFailsLoudlyNamingItAndTouchesNothing(String problem) {
    String leak = account.secretAccessKeys().get(0);
    String reason = switch (problem) {
      case "garbled" -> {
        account.putSecret("username=svc-openmetadata;secret=" + leak);
        yield "is not JSON";
      }
      case "missing-field" -> {
        account.putSecret("{\"username\":\"svc-openmetadata\",\"secret_access_key\":\"" + leak + "\"}");
        yield "has no string field \"access_key_id\"";
      }
      case "unknown-user" -> {
        account.putSecret(account.secretValue("svc-gone", account.configuredKeyId()));
        yield "names IAM user svc-gone, which does not exist";
      }
      case "foreign-key" -> {
        account.putSecret(account.secretValue(ServiceAccount.USER, "AKIAIOSFODNN7EXAMPLE"));
        yield "names access key AKIAIOSFODNN7EXAMPLE, which IAM user svc-openmetadata does not have";
      }
      default -> throw new IllegalArgumentException(problem);
    };

    Invocation run = invoke("alarm.json");

    assertFailedBeforeAnyWrite(run, account.secretArn(), reason);
  }

  private void assertFailedBeforeAnyWrite(Invocation run, String secretId, String reason) {
    assertThat(run.thrown()).isInstanceOf(KillSwitchFailure.class)
        .hasMessageContaining("secret " + secretId)
        .hasMessageContaining(reason);
    assertUntouched();
    assertThat(account.notices()).singleElement().satisfies(notice -> {
      assertThat(notice.subject()).startsWith("[kill-switch] FAILED");
      assertThat(notice.message()).contains(secretId, reason, "Lambda retries");
    });
  }

  @Test
  void aDryRunWritesNothingAndSaysWhatItWouldDo() {
    Invocation run = invoke("alarm.json", Map.of("DRY_RUN", "true", "STOP_QUERIES", "true"));

    assertThat(run.outcome()).isEqualTo("DRY_RUN");
    assertUntouched();
    assertThat(account.notices()).singleElement().satisfies(notice -> {
      assertThat(notice.subject()).startsWith("[kill-switch] DRY RUN");
      assertThat(notice.message())
          .contains("deactivate-key " + account.configuredKeyId() + ": dry run - would set Inactive")
          .contains("would attach platform-kill-switch-deny");
    });
  }

  @Test
  void theAllKeysScopeDisablesEveryKeyOfTheUser() {
    Invocation run = invoke("sustained-alarm.json", Map.of("REVOKE_SCOPE", "all-keys"));

    assertThat(run.outcome()).isEqualTo("REVOKED");
    assertThat(account.keyStatus(account.configuredKeyId())).isEqualTo(StatusType.INACTIVE);
    assertThat(account.keyStatus(account.otherKeyId())).isEqualTo(StatusType.INACTIVE);
    assertThat(run.steps("deactivate-key")).hasSize(2).allSatisfy(s -> assertThat(s.path("outcome").asText()).isEqualTo("done"));
  }

  @Test
  void withoutTheDenyPolicyOnlyTheKeyIsDisabled() {
    Invocation run = invoke("alarm.json", Map.of("ATTACH_DENY_POLICY", "false"));

    assertThat(account.keyStatus(account.configuredKeyId())).isEqualTo(StatusType.INACTIVE);
    assertThat(account.userPolicies()).isEmpty();
    assertThat(run.steps("attach-deny-policy")).singleElement()
        .satisfies(s -> assertThat(s.path("outcome").asText()).isEqualTo("skipped"));
  }

  @Test
  void aDenyPolicyOfTheSameNameButAnotherDocumentIsReplaced() {
    account.putUserPolicy(ServiceAccount.DENY_POLICY,
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}");

    Invocation run = invoke("alarm.json");

    assertThat(run.steps("attach-deny-policy")).singleElement()
        .satisfies(s -> assertThat(s.path("detail").asText()).isEqualTo("replaced platform-kill-switch-deny"));
    assertThat(account.denyPolicy()).hasValueSatisfying(p -> assertThat(p.at("/Statement/0/Action").asText()).isEqualTo("*"));
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
      assertThat(run.steps("stop-query")).singleElement().satisfies(s -> {
        assertThat(s.path("target").asText()).isEqualTo(running);
        assertThat(s.path("detail").asText()).isEqualTo("stopped (was RUNNING)");
      });
      assertThat(account.queryState(running)).isEqualTo("CANCELLED");
      assertThat(account.queryState(finished)).isEqualTo("SUCCEEDED");

      Invocation again = invoke("alarm.json", Map.of("STOP_QUERIES", "true"));
      assertThat(again.steps("stop-queries")).singleElement()
          .satisfies(s -> assertThat(s.path("detail").asText()).isEqualTo("no queued or running queries"));
    } finally {
      states.close();
    }
  }

  @Test
  void aNoticeThatCannotBePublishedFailsTheInvocationAfterTheRevocation() {
    Invocation run = invoke("alarm.json", Map.of("SNS_TOPIC_ARN", "arn:aws:sns:us-east-1:123456789012:no-such-topic"));

    assertThat(run.thrown()).isInstanceOf(KillSwitchFailure.class).hasMessageContaining("could not be published");
    assertThat(account.keyStatus(account.configuredKeyId())).isEqualTo(StatusType.INACTIVE);
  }
}
