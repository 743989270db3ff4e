package io.platform.killswitch;

import io.platform.killswitch.event.AlarmStateChangeEvent;
import io.platform.killswitch.queries.WindowQueries;
import io.platform.killswitch.revoke.StepOutcome;
import io.platform.killswitch.revoke.StepResult;
import io.platform.killswitch.secret.ServiceUser;
import java.util.List;
import java.util.Optional;

/**
 * Everything one acted-on invocation did: the alarm, the user, each step, and the failure that
 * stopped it early, if any. Holds no secret.
 *
 * @param user empty when the secret could not be read
 * @param failure why the revocation could not start (e.g. an unusable secret); empty otherwise
 * @param queries what the workgroup ran in the alarm's window, read after the revocation; empty
 *     when no workgroup is configured
 */
public record Report(
    AlarmStateChangeEvent event,
    String secretId,
    Optional<ServiceUser> user,
    List<StepResult> steps,
    Optional<String> failure,
    boolean dryRun,
    Optional<WindowQueries> queries) {

  public Report {
    steps = List.copyOf(steps);
  }

  public Report withQueries(WindowQueries read) {
    return new Report(event, secretId, user, steps, failure, dryRun, Optional.of(read));
  }

  public Outcome outcome() {
    if (failure.isPresent() || steps.stream().anyMatch(s -> s.outcome() == StepOutcome.FAILED)) {
      return Outcome.FAILED;
    }
    if (dryRun) {
      return Outcome.DRY_RUN;
    }
    return steps.stream().anyMatch(s -> s.outcome() == StepOutcome.DONE)
        ? Outcome.REVOKED
        : Outcome.NO_OP;
  }

  /** The steps that failed, one line each, for the exception that makes Lambda retry. */
  public String failures() {
    StringBuilder text = new StringBuilder();
    failure.ifPresent(text::append);
    for (StepResult step : steps) {
      if (step.outcome() == StepOutcome.FAILED) {
        if (text.length() > 0) {
          text.append("; ");
        }
        text.append(step.action())
            .append(' ')
            .append(step.target())
            .append(": ")
            .append(step.detail());
      }
    }
    return text.toString();
  }
}
