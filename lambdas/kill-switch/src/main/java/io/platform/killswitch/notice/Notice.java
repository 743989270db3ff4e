package io.platform.killswitch.notice;

import com.fasterxml.jackson.databind.JsonNode;
import io.platform.killswitch.Outcome;
import io.platform.killswitch.Report;
import io.platform.killswitch.event.AlarmStateChangeEvent;
import io.platform.killswitch.revoke.StepResult;
import io.platform.killswitch.secret.ServiceUser;
import java.util.Optional;

/**
 * The message sent to the kill switch's SNS topic, once per acted-on invocation: plain text,
 * so that it reads well in an e-mail, naming the alarm, the user, the keys, every step and
 * every failure.
 */
public record Notice(String subject, String message) {
  /** SNS refuses longer subjects. */
  static final int MAX_SUBJECT = 100;

  static final String RUNBOOK = "docs/runbooks/kill-switch.md";

  public static Notice of(Report report) {
    AlarmStateChangeEvent event = report.event();
    Outcome outcome = report.outcome();
    String who = report.user().map(ServiceUser::username).orElse("(user unknown)");
    String subject = "[kill-switch] " + outcome.name().replace('_', ' ') + " " + who + " on alarm " + event.alarmName();

    StringBuilder text = new StringBuilder();
    text.append(headline(outcome, who)).append("\n\n");
    line(text, "Alarm", event.alarmName() + " is " + event.stateValue() + " since " + event.detail().state().timestamp());
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
      text.append("  - ").append(step.action()).append(' ').append(step.target()).append(": ")
          .append(step.outcome().label()).append(" - ").append(step.detail()).append('\n');
    }
    String failures = report.failures();
    text.append("\nFailures: ").append(failures.isEmpty() ? "none" : failures).append('\n');
    if (outcome == Outcome.FAILED) {
      text.append("The invocation failed and Lambda retries it; after the last retry the event goes to the on-failure destination.\n");
    }
    text.append("\nTo check and re-enable access, see ").append(RUNBOOK)
        .append(" (platform kill-switch restore --secret-id ").append(report.secretId()).append(").\n");
    return new Notice(truncate(subject), text.toString());
  }

  private static String headline(Outcome outcome, String who) {
    return switch (outcome) {
      case REVOKED -> "The kill switch revoked the access of IAM user " + who + ".";
      case NO_OP -> "The kill switch found the access of IAM user " + who + " already revoked; nothing changed.";
      case DRY_RUN -> "DRY RUN: the kill switch would revoke the access of IAM user " + who + "; nothing was written.";
      case FAILED -> "The kill switch FAILED to fully revoke the access of IAM user " + who + ".";
      case IGNORED -> "The kill switch ignored the event.";
    };
  }

  /** CloudWatch's reasonData carries the datapoints that crossed the threshold. */
  private static Optional<String> datapoints(JsonNode reasonData) {
    if (reasonData == null || !reasonData.isObject() || !reasonData.has("recentDatapoints")) {
      return Optional.empty();
    }
    String points = reasonData.get("recentDatapoints").toString();
    JsonNode threshold = reasonData.get("threshold");
    return Optional.of(threshold == null ? points : points + " against threshold " + threshold.asText());
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
