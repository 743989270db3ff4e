package io.platform.drift;

import static io.platform.verify.report.Markdown.code;

import io.platform.text.Count;
import io.platform.verify.UnitResult;
import io.platform.verify.Verdict;
import io.platform.verify.VerifyReport;
import io.platform.verify.report.ChangeLines;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What to do with an environment's drift issue after a verify run, so that a team hears of drift
 * once, not every night: open it when something first differs (reopen it if it was closed), edit it
 * while something still differs, comment only when a unit or a kind of difference is new, close it
 * with a comment when everything is clean again, and otherwise leave it alone.
 *
 * @param body the issue's new body (null for {@link Action#NONE} and {@link Action#CLOSE})
 * @param comment a comment to post (null for none)
 */
public record DriftDecision(Action action, String body, String comment, List<Finding> findings) {

  public enum Action {
    /** No issue yet, or a closed one: open (or reopen) it with {@link #body}. */
    OPEN,
    /** Edit the open issue's body; post {@link #comment} too when it is not null. */
    UPDATE,
    /** Post {@link #comment} and close the issue. */
    CLOSE,
    /** Nothing to do: clean, and no open issue. */
    NONE;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The issue as the drift watch found it: its body and whether it is open; or none. */
  public record Existing(String body, boolean open) {}

  /**
   * @param existing the environment's issue (found by its marker), or null when there is none
   * @param allowOutputOnly whether a unit whose only change is a root output counts as clean
   */
  public static DriftDecision decide(
      String environment,
      VerifyReport report,
      boolean allowOutputOnly,
      Existing existing,
      Instant now,
      String runUrl) {
    Map<String, Instant> seen = new LinkedHashMap<>();
    boolean open = existing != null && existing.open();
    DriftIssue.Recorded recorded =
        open ? DriftIssue.recorded(existing.body()) : new DriftIssue.Recorded(List.of(), 0);
    recorded.findings().forEach(f -> seen.put(f.key(), f.since()));
    List<Finding> findings = new ArrayList<>();
    for (UnitResult result : report.results()) {
      if (counts(result.verdict(), allowOutputOnly)) {
        List<String> details =
            result.summary() == null
                ? List.of(result.error())
                : ChangeLines.details(result.summary());
        Finding fresh =
            new Finding(
                result.unit().name(),
                result.verdict().label(),
                now,
                ChangeLines.headline(result),
                details);
        findings.add(
            new Finding(
                fresh.unit(),
                fresh.kind(),
                seen.getOrDefault(fresh.key(), now),
                fresh.what(),
                details));
      }
    }
    String previousBody = existing == null ? null : existing.body();
    if (findings.isEmpty()) {
      return open
          ? new DriftDecision(
              Action.CLOSE,
              null,
              "Every unit of "
                  + code(environment)
                  + " is clean again ("
                  + Count.of(report.results().size(), "unit")
                  + ", checked "
                  + now
                  + link(runUrl)
                  + "). Closing.",
              findings)
          : new DriftDecision(Action.NONE, null, null, findings);
    }
    String body = DriftIssue.body(environment, findings, now, runUrl, previousBody);
    if (!open) {
      String comment =
          existing == null ? null : "Differs again: " + list(findings) + link(runUrl) + ".";
      return new DriftDecision(Action.OPEN, body, comment, findings);
    }
    // Where the earlier state could not hold every finding, the unrecorded ones are news only
    // when there are more findings than before.
    List<Finding> news = findings.stream().filter(f -> !seen.containsKey(f.key())).toList();
    if (recorded.partial() && findings.size() <= recorded.total()) {
      news = List.of();
    }
    String comment =
        news.isEmpty() ? null : "New since the last run: " + list(news) + link(runUrl) + ".";
    return new DriftDecision(Action.UPDATE, body, comment, findings);
  }

  /** What the issue is about: drift, planned changes, changed outputs (unless allowed), errors. */
  private static boolean counts(Verdict verdict, boolean allowOutputOnly) {
    return verdict == Verdict.CHANGES
        || verdict == Verdict.DRIFT_ONLY
        || verdict == Verdict.ERROR
        || (verdict == Verdict.OUTPUT_ONLY && !allowOutputOnly);
  }

  private static String list(List<Finding> findings) {
    return findings.stream()
        .map(f -> code(f.unit()) + " (" + f.kind() + ")")
        .collect(Collectors.joining(", "));
  }

  private static String link(String runUrl) {
    return runUrl == null ? "" : ", [run](" + runUrl + ")";
  }
}
