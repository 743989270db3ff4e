package io.platform.killswitch.queries;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecution;

/**
 * Reads the queries a workgroup ran in an alarm's window: those submitted in it, finished in it, or
 * still running when it ended. Called after the revocation, never before: a slow or failing read
 * delays nothing that matters.
 */
public final class WorkgroupQueries {
  /** Queries the notice lists. */
  public static final int LARGEST = 10;

  /**
   * Executions read at most, newest first: each costs one GetQueryExecution call, and the
   * function's timeout bounds them all.
   */
  public static final int MAX_EXAMINED = 200;

  private static final Comparator<QuerySummary> LARGEST_FIRST =
      Comparator.comparingLong(QuerySummary::bytes).reversed().thenComparing(QuerySummary::id);

  private final QueryHistory history;

  public WorkgroupQueries(AthenaClient athena) {
    this.history = new QueryHistory(athena);
  }

  /** Never throws for an API failure: the result says why it has no queries. */
  public WindowQueries read(String workgroup, AlarmWindow window) {
    try {
      return readIn(workgroup, window);
    } catch (SdkException e) {
      return WindowQueries.unreadable(workgroup, window, e.getMessage());
    }
  }

  private WindowQueries readIn(String workgroup, AlarmWindow window) {
    QueryHistory.Read read =
        history.newestFirst(
            workgroup, window.start().minus(QueryHistory.LONGEST_QUERY), MAX_EXAMINED);
    List<QuerySummary> queries =
        read.executions().stream().filter(q -> ranIn(q, window)).map(QuerySummary::of).toList();
    return summarise(workgroup, window, queries, read.complete());
  }

  static boolean ranIn(QueryExecution query, AlarmWindow window) {
    if (query.status() == null || query.status().submissionDateTime() == null) {
      return false;
    }
    Instant submitted = query.status().submissionDateTime();
    Instant completed = query.status().completionDateTime();
    return !submitted.isAfter(window.end())
        && (completed == null || !completed.isBefore(window.start()));
  }

  private static WindowQueries summarise(
      String workgroup, AlarmWindow window, List<QuerySummary> queries, boolean complete) {
    List<QuerySummary> sorted = new ArrayList<>(queries);
    sorted.sort(LARGEST_FIRST);
    long total = sorted.stream().mapToLong(QuerySummary::bytes).sum();
    return new WindowQueries(
        workgroup,
        window,
        sorted.subList(0, Math.min(LARGEST, sorted.size())),
        sorted.size(),
        total,
        complete,
        Optional.empty());
  }
}
