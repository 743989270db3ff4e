package io.platform.killswitch.revoke;

import io.platform.killswitch.queries.QueryHistory;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/**
 * Stops the workgroup's queued and running queries: a disabled key does not end queries that
 * already run, and they keep scanning (and costing) until they finish.
 */
final class RunningQueries {
  static final String ACTION = "stop-query";
  static final String SCAN_ACTION = "stop-queries";

  private static final Set<QueryExecutionState> ACTIVE =
      Set.of(QueryExecutionState.QUEUED, QueryExecutionState.RUNNING);

  private final AthenaClient athena;
  private final QueryHistory history;
  private final Clock clock;
  private final boolean dryRun;

  RunningQueries(AthenaClient athena, Clock clock, boolean dryRun) {
    this.athena = athena;
    this.history = new QueryHistory(athena);
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
      results.accept(
          new StepResult(
              SCAN_ACTION, workgroup, StepOutcome.NO_OP, "no queued or running queries"));
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
   * The queued and running executions of the workgroup: none was submitted before the longest a
   * query can take.
   */
  private List<QueryExecution> active(String workgroup) {
    return history
        .newestFirst(
            workgroup, clock.instant().minus(QueryHistory.LONGEST_QUERY), Integer.MAX_VALUE)
        .executions()
        .stream()
        .filter(query -> query.status() != null && ACTIVE.contains(query.status().state()))
        .toList();
  }
}
