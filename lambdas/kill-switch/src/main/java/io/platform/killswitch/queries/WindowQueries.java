package io.platform.killswitch.queries;

import java.util.List;
import java.util.Optional;

/**
 * What the workgroup ran in the alarm's window: the largest queries by data scanned, and the count
 * and bytes of all of them.
 *
 * @param largest at most {@link WorkgroupQueries#LARGEST} queries, largest first
 * @param complete false when the reading stopped at {@link WorkgroupQueries#MAX_EXAMINED}
 *     executions, so that older queries of the window may be missing
 * @param error why the queries could not be read; the rest is empty then
 */
public record WindowQueries(
    String workgroup,
    AlarmWindow window,
    List<QuerySummary> largest,
    int count,
    long totalBytes,
    boolean complete,
    Optional<String> error) {

  public WindowQueries {
    largest = List.copyOf(largest);
  }

  static WindowQueries unreadable(String workgroup, AlarmWindow window, String error) {
    return new WindowQueries(workgroup, window, List.of(), 0, 0, false, Optional.of(error));
  }
}
