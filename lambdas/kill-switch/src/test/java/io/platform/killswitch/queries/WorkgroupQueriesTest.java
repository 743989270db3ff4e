package io.platform.killswitch.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.AthenaException;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.ListQueryExecutionsRequest;
import software.amazon.awssdk.services.athena.model.ListQueryExecutionsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/**
 * What the notice lists, on Athena's own response types: moto runs no query and reports every
 * execution as having scanned 0 bytes, so the order and the totals are checked here.
 */
class WorkgroupQueriesTest {
  private static final Instant START = Instant.parse("2026-01-05T10:14:00Z");
  private static final Instant END = Instant.parse("2026-01-05T10:19:00Z");
  private static final AlarmWindow WINDOW = new AlarmWindow(START, END);

  /** A workgroup's history, newest first, served 50 ids a page as ListQueryExecutions does. */
  private static class History implements AthenaClient {
    final Map<String, QueryExecution> executions = new LinkedHashMap<>();
    int reads;

    History add(
        String id, QueryExecutionState state, long bytes, Instant submitted, Instant completed) {
      executions.put(
          id,
          QueryExecution.builder()
              .queryExecutionId(id)
              .query("SELECT * FROM t WHERE id = 7")
              .status(
                  s -> s.state(state).submissionDateTime(submitted).completionDateTime(completed))
              .statistics(s -> s.dataScannedInBytes(bytes))
              .build());
      return this;
    }

    @Override
    public ListQueryExecutionsResponse listQueryExecutions(ListQueryExecutionsRequest request) {
      List<String> ids = new ArrayList<>(executions.keySet());
      int from = request.nextToken() == null ? 0 : Integer.parseInt(request.nextToken());
      int to = Math.min(ids.size(), from + request.maxResults());
      return ListQueryExecutionsResponse.builder()
          .queryExecutionIds(ids.subList(from, to))
          .nextToken(to < ids.size() ? Integer.toString(to) : null)
          .build();
    }

    @Override
    public GetQueryExecutionResponse getQueryExecution(GetQueryExecutionRequest request) {
      reads++;
      return GetQueryExecutionResponse.builder()
          .queryExecution(executions.get(request.queryExecutionId()))
          .build();
    }

    @Override
    public String serviceName() {
      return "athena";
    }

    @Override
    public void close() {}
  }

  private static Instant at(String time) {
    return Instant.parse("2026-01-05T" + time + "Z");
  }

  @Test
  void theLargestFirstAtMostTenWithTheCountAndTotalOfAll() {
    History history = new History();
    for (int i = 1; i <= 12; i++) {
      history.add(
          "q" + i,
          QueryExecutionState.SUCCEEDED,
          i * 1_000_000_000L,
          at("10:15:00"),
          at("10:16:00"));
    }

    WindowQueries read = new WorkgroupQueries(history).read("openmetadata", WINDOW);

    assertThat(read.count()).isEqualTo(12);
    assertThat(read.totalBytes()).isEqualTo(78_000_000_000L);
    assertThat(read.largest())
        .extracting(QuerySummary::id)
        .containsExactly("q12", "q11", "q10", "q9", "q8", "q7", "q6", "q5", "q4", "q3");
    assertThat(read.largest().get(0).text()).isEqualTo("SELECT * FROM t WHERE id = ?");
    assertThat(read.complete()).isTrue();
    assertThat(read.error()).isEmpty();
  }

  @Test
  void aQueryCountsWhenItRanAtAnyTimeInTheWindow() {
    History history =
        new History()
            .add("after", QueryExecutionState.RUNNING, 1, at("10:20:00"), null)
            .add("running", QueryExecutionState.RUNNING, 2, at("10:18:00"), null)
            .add("ran-into-it", QueryExecutionState.SUCCEEDED, 3, at("09:00:00"), at("10:15:00"))
            .add("before", QueryExecutionState.SUCCEEDED, 4, at("10:00:00"), at("10:13:59"))
            .add("failed-in-it", QueryExecutionState.FAILED, 5, at("10:14:10"), at("10:14:20"));

    WindowQueries read = new WorkgroupQueries(history).read("openmetadata", WINDOW);

    assertThat(read.largest())
        .extracting(QuerySummary::id)
        .containsExactly("failed-in-it", "ran-into-it", "running");
  }

  @Test
  void theReadingStopsAtAWholePageTooOldToMatterOrAtTheCap() {
    History old = new History();
    for (int i = 0; i < 120; i++) {
      old.add("old" + i, QueryExecutionState.SUCCEEDED, 1, at("02:00:00"), at("02:01:00"));
    }
    History busy = new History();
    for (int i = 0; i < 300; i++) {
      busy.add("busy" + i, QueryExecutionState.SUCCEEDED, 1, at("10:15:00"), at("10:15:30"));
    }

    WindowQueries none = new WorkgroupQueries(old).read("openmetadata", WINDOW);
    WindowQueries capped = new WorkgroupQueries(busy).read("openmetadata", WINDOW);

    assertThat(none.count()).isZero();
    assertThat(old.reads).as("one page, then stop").isEqualTo(50);
    assertThat(capped.count()).isEqualTo(WorkgroupQueries.MAX_EXAMINED);
    assertThat(capped.complete()).isFalse();
    assertThat(busy.reads).isEqualTo(WorkgroupQueries.MAX_EXAMINED);
  }

  @Test
  void anApiFailureIsReportedNotThrown() {
    AthenaClient denied =
        new History() {
          @Override
          public ListQueryExecutionsResponse listQueryExecutions(
              ListQueryExecutionsRequest request) {
            throw AthenaException.builder()
                .message("User is not authorized to perform: athena:ListQueryExecutions")
                .build();
          }
        };

    WindowQueries read = new WorkgroupQueries(denied).read("openmetadata", WINDOW);

    assertThat(read.error()).hasValueSatisfying(e -> assertThat(e).contains("not authorized"));
    assertThat(read.largest()).isEmpty();
  }
}
