package io.platform.killswitch.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.platform.killswitch.Fixtures;
import io.platform.killswitch.Outcome;
import io.platform.killswitch.Report;
import io.platform.killswitch.event.AlarmEvents;
import io.platform.killswitch.event.AlarmStateChangeEvent;
import io.platform.killswitch.heartbeat.HealthCheck;
import io.platform.killswitch.heartbeat.HeartbeatResult;
import io.platform.killswitch.queries.AlarmWindow;
import io.platform.killswitch.queries.QuerySummary;
import io.platform.killswitch.queries.ScanCost;
import io.platform.killswitch.queries.WindowQueries;
import io.platform.killswitch.revoke.StepOutcome;
import io.platform.killswitch.revoke.StepResult;
import io.platform.killswitch.secret.ServiceUser;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NoticeTest {
  private static final ScanCost COST = new ScanCost(5.0);
  private static final String SECRET =
      "arn:aws:secretsmanager:us-east-1:123456789012:secret:kill-switch-AbCdEf";
  private final AlarmStateChangeEvent alarm =
      new AlarmEvents(new ObjectMapper()).parse(Fixtures.event("alarm.json"));
  private final ServiceUser user = new ServiceUser("svc-openmetadata", "AKIAIOSFODNN7EXAMPLE");

  private Report report(List<StepResult> steps, Optional<String> failure, boolean dryRun) {
    return new Report(
        alarm,
        SECRET,
        failure.isPresent() ? Optional.empty() : Optional.of(user),
        steps,
        failure,
        dryRun,
        Optional.empty());
  }

  @Test
  void namesTheAlarmTheUserTheKeysAndEveryStep() {
    Report report =
        report(
            List.of(
                new StepResult(
                    "deactivate-key", "AKIAIOSFODNN7EXAMPLE", StepOutcome.DONE, "set Inactive"),
                new StepResult(
                    "deactivate-key",
                    "AKIAI44QH8DHBEXAMPLE",
                    StepOutcome.SKIPPED,
                    "not the key in the secret"),
                new StepResult(
                    "attach-deny-policy",
                    "svc-openmetadata",
                    StepOutcome.DONE,
                    "attached platform-kill-switch-deny")),
            Optional.empty(),
            false);

    Notice notice = Notice.of(report, COST);

    assertThat(report.outcome()).isEqualTo(Outcome.REVOKED);
    assertThat(notice.subject())
        .isEqualTo(
            "[kill-switch] REVOKED svc-openmetadata on alarm platform-athena-processed-bytes-spike");
    assertThat(notice.message())
        .contains("revoked the access of IAM user svc-openmetadata")
        .contains(
            "platform-athena-processed-bytes-spike is ALARM since 2026-01-05T10:15:02.123+0000")
        .contains("[2.4E12] against threshold 1.0E12")
        .contains(SECRET)
        .contains("deactivate-key AKIAIOSFODNN7EXAMPLE: done - set Inactive")
        .contains("deactivate-key AKIAI44QH8DHBEXAMPLE: skipped")
        .contains("attach-deny-policy svc-openmetadata: done")
        .contains("Failures: none")
        .contains("docs/runbooks/kill-switch.md");
  }

  @Test
  void aFailedRevocationSaysWhatFailedAndThatLambdaRetries() {
    Report report = report(List.of(), Optional.of("secret " + SECRET + " does not exist"), false);

    Notice notice = Notice.of(report, COST);

    assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(notice.subject()).startsWith("[kill-switch] FAILED (user unknown) on alarm");
    assertThat(notice.message())
        .contains("Failures: secret " + SECRET + " does not exist")
        .contains("Lambda retries");
  }

  @Test
  void noOpAndDryRunAreTheirOwnOutcomes() {
    List<StepResult> nothingToDo =
        List.of(
            new StepResult(
                "deactivate-key", "AKIAIOSFODNN7EXAMPLE", StepOutcome.NO_OP, "already Inactive"));
    List<StepResult> wouldDo =
        List.of(
            new StepResult(
                "deactivate-key",
                "AKIAIOSFODNN7EXAMPLE",
                StepOutcome.DRY_RUN,
                "would set Inactive"));

    assertThat(report(nothingToDo, Optional.empty(), false).outcome()).isEqualTo(Outcome.NO_OP);
    assertThat(Notice.of(report(wouldDo, Optional.empty(), true), COST).subject())
        .startsWith("[kill-switch] DRY RUN svc-openmetadata");
  }

  @Test
  void theSubjectFitsSnsLimits() {
    String longName = "platform-athena-" + "x".repeat(200) + "-\u00e9";
    AlarmStateChangeEvent event =
        new AlarmStateChangeEvent(
            alarm.id(),
            alarm.detailType(),
            alarm.source(),
            alarm.account(),
            alarm.region(),
            alarm.time(),
            alarm.resources(),
            new AlarmStateChangeEvent.Detail(longName, alarm.detail().state(), null, null));

    String subject =
        Notice.of(
                new Report(
                    event,
                    SECRET,
                    Optional.of(user),
                    List.of(),
                    Optional.empty(),
                    false,
                    Optional.empty()),
                COST)
            .subject();

    assertThat(subject).hasSize(Notice.MAX_SUBJECT).endsWith("...").matches("[\\x20-\\x7E]+");
  }

  @Test
  void theQueriesOfTheWindowFollowTheStepsLargestFirstInBytesAndDollars() {
    AlarmWindow window =
        new AlarmWindow(
            Instant.parse("2026-01-05T10:14:00Z"), Instant.parse("2026-01-05T10:15:02Z"));
    WindowQueries queries =
        new WindowQueries(
            "openmetadata",
            window,
            List.of(
                new QuerySummary(
                    "q-big",
                    "SUCCEEDED",
                    2_000_000_000_000L,
                    Optional.of(Instant.parse("2026-01-05T10:14:05Z")),
                    "SELECT * FROM events WHERE day = ?"),
                new QuerySummary(
                    "q-small",
                    "RUNNING",
                    400_000_000_000L,
                    Optional.empty(),
                    "SELECT count(*) FROM t")),
            3,
            2_400_000_001_000L,
            true,
            Optional.empty());

    String message =
        Notice.of(report(List.of(), Optional.empty(), false).withQueries(queries), COST).message();

    assertThat(message)
        .contains(
            "Queries in workgroup openmetadata from 2026-01-05T10:14:00Z to 2026-01-05T10:15:02Z:")
        .contains("3 queries, 2,400,000,001,000 bytes scanned ($12.01); the largest:")
        .contains(
            "1. q-big SUCCEEDED 2,000,000,000,000 bytes ($10.00), submitted 2026-01-05T10:14:05Z")
        .contains("SELECT * FROM events WHERE day = ?")
        .contains("2. q-small RUNNING 400,000,000,000 bytes ($2.00), submitted -");
    assertThat(message.indexOf("Steps:")).isLessThan(message.indexOf("Queries in workgroup"));
  }

  @Test
  void queriesThatCouldNotBeReadSaySo() {
    AlarmWindow window =
        new AlarmWindow(
            Instant.parse("2026-01-05T10:14:00Z"), Instant.parse("2026-01-05T10:15:02Z"));
    WindowQueries unreadable =
        new WindowQueries(
            "openmetadata", window, List.of(), 0, 0, false, Optional.of("AccessDenied"));

    String message =
        Notice.of(report(List.of(), Optional.empty(), false).withQueries(unreadable), COST)
            .message();

    assertThat(message).contains("(could not be read: AccessDenied)");
  }

  @Test
  void anUnhealthyHeartbeatNamesEachCheckAndTheRunbook() {
    HeartbeatResult result =
        new HeartbeatResult(
            "platform-prod-kill-switch",
            List.of(
                new HealthCheck(
                    "secret", HealthCheck.Status.PASSED, "secret s names user u and key k"),
                new HealthCheck(
                    "access-key", HealthCheck.Status.FAILED, "key k is already Inactive"),
                new HealthCheck(
                    "permissions", HealthCheck.Status.SKIPPED, "CHECK_PERMISSIONS=false")));

    Notice notice = Notice.unhealthy(result);

    assertThat(notice.subject())
        .isEqualTo("[kill-switch] HEARTBEAT UNHEALTHY platform-prod-kill-switch");
    assertThat(notice.message())
        .contains("Nothing was changed")
        .contains("- access-key: failed - key k is already Inactive")
        .contains("- secret: passed")
        .contains("- permissions: skipped - CHECK_PERMISSIONS=false")
        .contains("docs/runbooks/kill-switch.md (Heartbeat)");
  }
}
