package io.platform.killswitch.queries;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.ListQueryExecutionsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;

/**
 * A workgroup's executions, newest first, as far back as they can matter. ListQueryExecutions
 * returns ids newest first; the reading ends after a whole page submitted before the horizon, so
 * that a busy workgroup's 45 days of history are not read on every alarm.
 */
public final class QueryHistory {
  /**
   * No query runs longer: Athena cancels DML queries after at most 240 minutes, plus time spent
   * queued. A query submitted this long before a moment no longer ran at it.
   */
  public static final Duration LONGEST_QUERY = Duration.ofHours(6);

  /**
   * @param complete false when the reading stopped at the limit rather than at the horizon
   */
  public record Read(List<QueryExecution> executions, boolean complete) {}

  private final AthenaClient athena;

  public QueryHistory(AthenaClient athena) {
    this.athena = athena;
  }

  /** At most {@code limit} executions (one GetQueryExecution each), back to {@code horizon}. */
  public Read newestFirst(String workgroup, Instant horizon, int limit) {
    List<QueryExecution> executions = new ArrayList<>();
    String token = null;
    do {
      String page = token;
      ListQueryExecutionsResponse listed =
          athena.listQueryExecutions(b -> b.workGroup(workgroup).maxResults(50).nextToken(page));
      boolean pageIsOld = !listed.queryExecutionIds().isEmpty();
      for (String id : listed.queryExecutionIds()) {
        if (executions.size() == limit) {
          return new Read(executions, false);
        }
        QueryExecution query =
            athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution();
        executions.add(query);
        Instant submitted = query.status() == null ? null : query.status().submissionDateTime();
        pageIsOld &= submitted != null && submitted.isBefore(horizon);
      }
      token = pageIsOld ? null : listed.nextToken();
    } while (token != null);
    return new Read(executions, true);
  }
}
