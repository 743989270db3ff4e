package io.platform.killswitch.queries;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.ListQueryExecutionsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;

/**
 * Reads the queries a workgroup ran in an alarm's window: those submitted in it, finished in it,
 * or still running when it ended. Called after the revocation, never before: a slow or failing
 * read delays nothing that matters.
 */
public final class WorkgroupQueries {
  /** Queries the notice lists. */
  public static final int LARGEST = 10;

  /**
   * Executions read at most, newest first: each costs one GetQueryExecution call, and the
   * function's timeout bounds them all.
   */
  public static final int MAX_EXAMINED = 200;

  /** A query submitted this long before the window can no longer have run in it (240 min limit plus queueing). */
  static final Duration LONGEST_QUERY = Duration.ofHours(6);

  private static final Comparator<QuerySummary> LARGEST_FIRST =
      Comparator.comparingLong(QuerySummary::bytes).reversed().thenComparing(QuerySummary::id);

  private final AthenaClient athena;

  public WorkgroupQueries(AthenaClient athena) {
    this.athena = athena;
  }

  /** Never throws for an API failure: the result says why it has no queries. */
  public WindowQueries read(String workgroup, AlarmWindow window) {
    try {
      return summarise(workgroup, window, inWindow(workgroup, window));
    } catch (SdkException e) {
      return WindowQueries.unreadable(workgroup, window, e.getMessage());
    }
  }

  private record Examined(List<QuerySummary> queries, boolean complete) {}

  private Examined inWindow(String workgroup, AlarmWindow window) {
    Instant horizon = window.start().minus(LONGEST_QUERY);
    List<QuerySummary> queries = new ArrayList<>();
    int examined = 0;
    String token = null;
    do {
      String page = token;
      ListQueryExecutionsResponse listed =
          athena.listQueryExecutions(b -> b.workGroup(workgroup).maxResults(50).nextToken(page));
      boolean pageIsOld = !listed.queryExecutionIds().isEmpty();
      for (String id : listed.queryExecutionIds()) {
        if (examined == MAX_EXAMINED) {
          return new Examined(queries, false);
        }
        examined++;
        QueryExecution query = athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution();
        if (ranIn(query, window)) {
          queries.add(QuerySummary.of(query));
        }
        Instant submitted = query.status() == null ? null : query.status().submissionDateTime();
        pageIsOld &= submitted != null && submitted.isBefore(horizon);
      }
      token = pageIsOld ? null : listed.nextToken();
    } while (token != null);
    return new Examined(queries, true);
  }

  static boolean ranIn(QueryExecution query, AlarmWindow window) {
    if (query.status() == null || query.status().submissionDateTime() == null) {
      return false;
    }
    Instant submitted = query.status().submissionDateTime();
    Instant completed = query.status().completionDateTime();
    return !submitted.isAfter(window.end()) && (completed == null || !completed.isBefore(window.start()));
  }

  static WindowQueries summarise(String workgroup, AlarmWindow window, Examined examined) {
    List<QuerySummary> sorted = new ArrayList<>(examined.queries());
    sorted.sort(LARGEST_FIRST);
    long total = sorted.stream().mapToLong(QuerySummary::bytes).sum();
    return new WindowQueries(workgroup, window, sorted.subList(0, Math.min(LARGEST, sorted.size())),
        sorted.size(), total, examined.complete(), Optional.empty());
  }
}
