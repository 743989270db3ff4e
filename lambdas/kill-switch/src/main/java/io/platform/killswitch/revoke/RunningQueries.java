package io.platform.killswitch.revoke;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.ListQueryExecutionsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/**
 * Stops the workgroup's queued and running queries: a disabled key does not end queries that
 * already run, and they keep scanning (and costing) until they finish.
 */
final class RunningQueries {
  static final String ACTION = "stop-query";
  static final String SCAN_ACTION = "stop-queries";

  /**
   * No query is still active after this long: Athena cancels DML queries after at most 240
   * minutes, plus time spent queued. Older executions end the scan.
   */
  static final Duration HORIZON = Duration.ofHours(6);

  private static final Set<QueryExecutionState> ACTIVE =
      Set.of(QueryExecutionState.QUEUED, QueryExecutionState.RUNNING);

  private final AthenaClient athena;
  private final Clock clock;
  private final boolean dryRun;

  RunningQueries(AthenaClient athena, Clock clock, boolean dryRun) {
    this.athena = athena;
    this.clock = clock;
    this.dryRun = dryRun;
  }

  void stop(String workgroup, Consumer<StepResult> results) {
    List<QueryExecution> active;
    try {
      active = active(workgroup);
    } catch (SdkException e) {
      results.accept(StepResult.failed(SCAN_ACTION, workgroup, e));
      return;
    }
    if (active.isEmpty()) {
      results.accept(new StepResult(SCAN_ACTION, workgroup, StepOutcome.NO_OP, "no queued or running queries"));
      return;
    }
    for (QueryExecution query : active) {
      results.accept(stop(query));
    }
  }

  private StepResult stop(QueryExecution query) {
    String id = query.queryExecutionId();
    String state = query.status().stateAsString();
    if (dryRun) {
      return new StepResult(ACTION, id, StepOutcome.DRY_RUN, "would stop (" + state + ")");
    }
    try {
      athena.stopQueryExecution(b -> b.queryExecutionId(id));
      return new StepResult(ACTION, id, StepOutcome.DONE, "stopped (was " + state + ")");
    } catch (SdkException e) {
      return StepResult.failed(ACTION, id, e);
    }
  }

  /**
   * The queued and running executions of the workgroup. ListQueryExecutions returns ids newest
   * first; the scan ends after a whole page submitted before the horizon, so a busy
   * workgroup's 45 days of history are not read on every alarm.
   */
  private List<QueryExecution> active(String workgroup) {
    Instant horizon = clock.instant().minus(HORIZON);
    List<QueryExecution> active = new ArrayList<>();
    String token = null;
    do {
      String page = token;
      ListQueryExecutionsResponse listed =
          athena.listQueryExecutions(b -> b.workGroup(workgroup).maxResults(50).nextToken(page));
      boolean pageIsOld = !listed.queryExecutionIds().isEmpty();
      for (String id : listed.queryExecutionIds()) {
        QueryExecution query = athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution();
        if (ACTIVE.contains(query.status().state())) {
          active.add(query);
        }
        Instant submitted = query.status().submissionDateTime();
        pageIsOld &= submitted != null && submitted.isBefore(horizon);
      }
      token = pageIsOld ? null : listed.nextToken();
    } while (token != null);
    return active;
  }
}
