package io.platform.killswitch.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platform.killswitch.Fixtures;
import io.platform.testkit.ResetEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.StatusType;

/**
 * The schedule's heartbeat against moto: healthy when everything a real run needs is in place,
 * unhealthy with the reason (metric, notice) for each way it can break, and never a write to IAM.
 * moto cannot simulate a role's policy, so the permission check is off here but where a test is
 * about it (docs/emulator-gaps.md); PermissionSimulationTest covers it.
 */
@ResetEmulator
class HeartbeatIT extends HandlerInvocations {
  private static final String FUNCTION = "kill-switch-heartbeat-it";

  private Invocation heartbeat(Map<String, String> overrides) {
    Map<String, String> env =
        new HashMap<>(Map.of("CHECK_PERMISSIONS", "false", "AWS_LAMBDA_FUNCTION_NAME", FUNCTION));
    env.putAll(overrides);
    return invoke("heartbeat.json", env);
  }

  private static String check(Invocation run, String name) {
    for (JsonNode check : run.result().path("checks")) {
      if (check.path("check").asText().equals(name)) {
        return check.path("status").asText() + ": " + check.path("detail").asText();
      }
    }
    throw new AssertionError("no check " + name + " in " + run.result());
  }

  @Test
  void aHealthyKillSwitchPublishesHeartbeatOneAndSendsNoNotice() {
    Invocation run = heartbeat(Map.of());

    assertThat(run.thrown()).isNull();
    assertThat(run.outcome()).isEqualTo("HEALTHY");
    assertThat(check(run, "secret")).startsWith("passed");
    assertThat(check(run, "user"))
        .isEqualTo("passed: the secret names the configured user " + ServiceAccount.USER);
    assertThat(check(run, "access-key"))
        .isEqualTo(
            "passed: key "
                + account.configuredKeyId()
                + " of "
                + ServiceAccount.USER
                + " is Active");
    assertThat(check(run, "permissions")).isEqualTo("skipped: CHECK_PERMISSIONS=false");
    assertThat(account.heartbeats(FUNCTION)).containsExactly(1.0);
    assertThat(account.notices()).isEmpty();
    assertUntouched();
  }

  @Test
  void aDeletedSecretIsAnUnhealthyHeartbeatWithItsReason() {
    account.deleteSecret();

    Invocation run = heartbeat(Map.of());

    assertThat(run.thrown()).isNull();
    assertThat(run.outcome()).isEqualTo("UNHEALTHY");
    assertThat(check(run, "secret"))
        .startsWith("failed: secret " + account.secretArn())
        .contains("does not exist");
    assertUnhealthy("secret", "does not exist");
  }

  @Test
  void aKeyAlreadyInactiveIsUnhealthyAndStaysInactive() {
    account.deactivate(account.configuredKeyId());

    Invocation run = heartbeat(Map.of("DRY_RUN", "false"));

    assertThat(run.outcome()).isEqualTo("UNHEALTHY");
    assertThat(check(run, "access-key")).contains("is already Inactive");
    assertUnhealthy("access-key", "is already Inactive");
    assertThat(account.keyStatus(account.configuredKeyId())).isEqualTo(StatusType.INACTIVE);
    assertThat(account.keyStatus(account.otherKeyId())).isEqualTo(StatusType.ACTIVE);
    assertThat(account.userPolicies()).isEmpty();
  }

  @Test
  void aSecretNamingAnotherUserThanTheGuardedOneIsUnhealthy() {
    Invocation run =
        heartbeat(Map.of("USER_ARN", "arn:aws:iam::" + aws.accountId() + ":user/svc-powerbi"));

    assertThat(run.outcome()).isEqualTo("UNHEALTHY");
    assertThat(check(run, "user"))
        .contains("the secret names user " + ServiceAccount.USER + ", but the kill switch guards");
    assertUnhealthy("user", "svc-powerbi");
  }

  @Test
  void aPermissionCheckThatCannotRunIsUnhealthyNotSilentlySkipped() {
    // moto answers SimulatePrincipalPolicy with HTTP 500: the check must fail, never pass.
    Invocation run = heartbeat(Map.of("CHECK_PERMISSIONS", "true"));

    assertThat(run.outcome()).isEqualTo("UNHEALTHY");
    assertThat(check(run, "permissions"))
        .startsWith("failed: the role's permissions cannot be simulated");
    assertThat(account.heartbeatFailures(FUNCTION, "permissions")).containsExactly(1.0);
  }

  @Test
  void aHeartbeatNeverWritesEvenWithoutDryRunAndDressedAsAnAllowedAlarm() {
    ObjectNode dressed = (ObjectNode) read("alarm.json");
    dressed.put("detail-type", "Kill Switch Heartbeat").put("source", "platform.kill-switch");

    Invocation run =
        invoke(
            dressed,
            Map.of(
                "DRY_RUN",
                "false",
                "CHECK_PERMISSIONS",
                "false",
                "AWS_LAMBDA_FUNCTION_NAME",
                FUNCTION,
                "STOP_QUERIES",
                "true"));

    assertThat(run.outcome()).isEqualTo("HEALTHY");
    assertUntouched();
    assertThat(run.log()).noneSatisfy(line -> assertThat(line).contains("\"event\":\"step\""));
  }

  private void assertUnhealthy(String check, String reason) {
    assertThat(account.heartbeats(FUNCTION)).containsExactly(0.0);
    assertThat(account.heartbeatFailures(FUNCTION, check)).containsExactly(1.0);
    assertThat(account.notices())
        .singleElement()
        .satisfies(
            notice -> {
              assertThat(notice.subject())
                  .isEqualTo("[kill-switch] HEARTBEAT UNHEALTHY " + FUNCTION);
              assertThat(notice.message())
                  .contains("- " + check + ": failed", reason, "Nothing was changed");
            });
  }

  static JsonNode read(String fixture) {
    try {
      return JSON.readTree(Fixtures.eventText(fixture));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
