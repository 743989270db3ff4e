package io.platform.killswitch.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.platform.killswitch.KillSwitchFailure;
import io.platform.killswitch.event.MalformedEventException;
import io.platform.testkit.ResetEmulator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Events the handler must not act on, and secrets it cannot use: each leaves the account as it was,
 * with the documented outcome.
 */
@ResetEmulator
class KillSwitchRefusalIT extends HandlerInvocations {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ok.json",
        "insufficient-data.json",
        "foreign-alarm.json",
        "scheduled-event.json",
        "ec2-state-change.json",
        "other-account-alarm.json",
        "other-region-alarm.json",
        "suppressed-composite-alarm.json"
      })
  void anEventThatIsNotAnAllowedAlarmIsIgnoredAndTouchesNothing(String fixture) {
    Invocation run = invoke(fixture);

    assertThat(run.thrown()).isNull();
    assertThat(run.outcome()).isEqualTo("IGNORED");
    assertThat(run.result().path("reason").asText()).isNotBlank();
    assertUntouched();
    assertThat(account.notices()).isEmpty();
    assertThat(run.log())
        .anySatisfy(line -> assertThat(line).contains("\"event\":\"event-ignored\""));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"malformed-not-json.txt", "malformed-array.json", "malformed-missing-state.json"})
  void aMalformedEventFailsTheInvocationAndTouchesNothing(String fixture) {
    Invocation run = invoke(fixture);

    assertThat(run.thrown()).isInstanceOf(MalformedEventException.class);
    assertUntouched();
    assertThat(account.notices()).isEmpty();
    assertThat(run.log())
        .anySatisfy(line -> assertThat(line).contains("\"event\":\"event-malformed\""));
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
    String reason =
        switch (problem) {
          case "garbled" -> {
            account.putSecret("username=svc-openmetadata;secret=" + leak);
            yield "is not JSON";
          }
          case "missing-field" -> {
            account.putSecret(
                "{\"username\":\"svc-openmetadata\",\"secret_access_key\":\"" + leak + "\"}");
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
    assertThat(run.thrown())
        .isInstanceOf(KillSwitchFailure.class)
        .hasMessageContaining("secret " + secretId)
        .hasMessageContaining(reason);
    assertUntouched();
    assertThat(account.notices())
        .singleElement()
        .satisfies(
            notice -> {
              assertThat(notice.subject()).startsWith("[kill-switch] FAILED");
              assertThat(notice.message()).contains(secretId, reason, "Lambda retries");
            });
  }
}
