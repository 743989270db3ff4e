package io.platform.killswitch.queries;

import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.services.athena.model.QueryExecution;

/**
 * One query of the window as the notice lists it.
 *
 * @param text the query's text with literals elided ({@link QueryText})
 */
public record QuerySummary(
    String id, String state, long bytes, Optional<Instant> started, String text) {

  static QuerySummary of(QueryExecution query) {
    long bytes =
        query.statistics() == null || query.statistics().dataScannedInBytes() == null
            ? 0
            : query.statistics().dataScannedInBytes();
    return new QuerySummary(
        query.queryExecutionId(),
        query.status() == null ? "UNKNOWN" : query.status().stateAsString(),
        bytes,
        Optional.ofNullable(query.status() == null ? null : query.status().submissionDateTime()),
        QueryText.elide(query.query()));
  }
}
