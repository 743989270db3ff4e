package io.platform.killswitch.notice;

import com.fasterxml.jackson.databind.JsonNode;
import io.platform.killswitch.Outcome;
import io.platform.killswitch.Report;
import io.platform.killswitch.event.AlarmStateChangeEvent;
import io.platform.killswitch.heartbeat.HealthCheck;
import io.platform.killswitch.heartbeat.HeartbeatResult;
import io.platform.killswitch.queries.QuerySummary;
import io.platform.killswitch.queries.ScanCost;
import io.platform.killswitch.queries.WindowQueries;
import io.platform.killswitch.queries.WorkgroupQueries;
import io.platform.killswitch.revoke.StepResult;
import io.platform.killswitch.secret.ServiceUser;
import java.util.Locale;
import java.util.Optional;

/**
 * The message sent to the kill switch's SNS topic, once per acted-on invocation: plain text, so
 * that it reads well in an e-mail, naming the alarm, the user, the keys, every step and every
 * failure.
 */
public record Notice(String subject, String message) {
  /** SNS refuses longer subjects. */
  static final int MAX_SUBJECT = 100;

  static final String RUNBOOK = "docs/runbooks/kill-switch.md";

  /** What the workgroup ran in the window is listed after the steps, at {@code cost}'s price. */
  public static Notice of(Report report, ScanCost cost) {
    AlarmStateChangeEvent event = report.event();
    Outcome outcome = report.outcome();
    String who = report.user().map(ServiceUser::username).orElse("(user unknown)");
    String subject =
        "[kill-switch] "
            + outcome.name().replace('_', ' ')
            + " "
            + who
            + " on alarm "
            + event.alarmName();

    StringBuilder text = new StringBuilder();
    text.append(headline(outcome, who)).append("\n\n");
    line(
        text,
        "Alarm",
        event.alarmName()
            + " is "
            + event.stateValue()
            + " since "
            + event.detail().state().timestamp());
    line(text, "Reason", event.detail().state().reason());
    datapoints(event.detail().state().reasonData()).ifPresent(d -> line(text, "Datapoints", d));
    line(text, "Account", event.account() + " / " + event.region());
    line(text, "Secret", report.secretId());
    report.user().ifPresent(u -> line(text, "Key in secret", u.accessKeyId()));
    line(text, "Dry run", report.dryRun() ? "yes (nothing was written)" : "no");
    text.append("\nSteps:\n");
    if (report.steps().isEmpty()) {
      text.append("  (none)\n");
    }
    for (StepResult step : report.steps()) {
      text.append("  - ")
          .append(step.action())
          .append(' ')
          .append(step.target())
          .append(": ")
          .append(step.outcome().label())
          .append(" - ")
          .append(step.detail())
          .append('\n');
    }
    report.queries().ifPresent(q -> queries(text, q, cost));
    String failures = report.failures();
    text.append("\nFailures: ").append(failures.isEmpty() ? "none" : failures).append('\n');
    if (outcome == Outcome.FAILED) {
      text.append(
          "The invocation failed and Lambda retries it; after the last retry the event goes to the on-failure destination.\n");
    }
    text.append("\nTo check and re-enable access, see ")
        .append(RUNBOOK)
        .append(" (platform kill-switch restore --secret-id ")
        .append(report.secretId())
        .append(").\n");
    return new Notice(truncate(subject), text.toString());
  }

  /**
   * The notice of a heartbeat that found the kill switch unable to act: each failed check, and
   * where the runbook says what to do. A healthy heartbeat sends none.
   */
  public static Notice unhealthy(HeartbeatResult result) {
    String subject = "[kill-switch] HEARTBEAT UNHEALTHY " + result.functionName();
    StringBuilder text = new StringBuilder();
    text.append("The daily heartbeat of kill switch ")
        .append(result.functionName())
        .append(
            " found that it could not revoke access if its alarm fired now. Nothing was changed.\n\n");
    text.append("Checks:\n");
    for (HealthCheck check : result.checks()) {
      text.append("  - ")
          .append(check.name())
          .append(": ")
          .append(check.statusLabel())
          .append(" - ")
          .append(check.detail())
          .append('\n');
    }
    text.append("\nWhat each failure means and what to do: ")
        .append(RUNBOOK)
        .append(" (Heartbeat).\n");
    return new Notice(truncate(subject), text.toString());
  }

  private static void queries(StringBuilder text, WindowQueries queries, ScanCost cost) {
    text.append("\nQueries in workgroup ")
        .append(queries.workgroup())
        .append(" from ")
        .append(queries.window().start())
        .append(" to ")
        .append(queries.window().end())
        .append(":\n");
    if (queries.error().isPresent()) {
      text.append("  (could not be read: ").append(queries.error().get()).append(")\n");
      return;
    }
    text.append("  ")
        .append(queries.count())
        .append(queries.count() == 1 ? " query, " : " queries, ")
        .append(String.format(Locale.ROOT, "%,d", queries.totalBytes()))
        .append(" bytes scanned (")
        .append(cost.usd(queries.totalBytes()))
        .append(")")
        .append(
            queries.complete()
                ? ""
                : "; only the " + WorkgroupQueries.MAX_EXAMINED + " newest executions were read")
        .append(queries.largest().isEmpty() ? "" : "; the largest:")
        .append('\n');
    int rank = 1;
    for (QuerySummary query : queries.largest()) {
      text.append(
          String.format(
              Locale.ROOT,
              "  %d. %s %s %,d bytes (%s), submitted %s%n     %s%n",
              rank++,
              query.id(),
              query.state(),
              query.bytes(),
              cost.usd(query.bytes()),
              query.started().map(Object::toString).orElse("-"),
              query.text()));
    }
  }

  private static String headline(Outcome outcome, String who) {
    return switch (outcome) {
      case REVOKED -> "The kill switch revoked the access of IAM user " + who + ".";
      case NO_OP ->
          "The kill switch found the access of IAM user "
              + who
              + " already revoked; nothing changed.";
      case DRY_RUN ->
          "DRY RUN: the kill switch would revoke the access of IAM user "
              + who
              + "; nothing was written.";
      case FAILED -> "The kill switch FAILED to fully revoke the access of IAM user " + who + ".";
      case IGNORED, HEALTHY, UNHEALTHY ->
          throw new IllegalArgumentException("no revocation notice for " + outcome);
    };
  }

  /** CloudWatch's reasonData carries the datapoints that crossed the threshold. */
  private static Optional<String> datapoints(JsonNode reasonData) {
    if (reasonData == null || !reasonData.isObject() || !reasonData.has("recentDatapoints")) {
      return Optional.empty();
    }
    String points = reasonData.get("recentDatapoints").toString();
    JsonNode threshold = reasonData.get("threshold");
    return Optional.of(
        threshold == null ? points : points + " against threshold " + threshold.asText());
  }

  private static void line(StringBuilder text, String label, String value) {
    text.append(String.format("%-14s %s%n", label + ":", value == null ? "-" : value));
  }

  private static String truncate(String subject) {
    // SNS subjects are ASCII without control characters; alarm names may be any Unicode.
    String ascii = subject.replaceAll("[^\\x20-\\x7E]", "?");
    return ascii.length() <= MAX_SUBJECT ? ascii : ascii.substring(0, MAX_SUBJECT - 3) + "...";
  }
}
