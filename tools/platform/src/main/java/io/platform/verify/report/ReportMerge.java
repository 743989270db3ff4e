package io.platform.verify.report;

import io.platform.select.Shard;
import io.platform.verify.Scope;
import io.platform.verify.UnitResult;
import io.platform.verify.VerifyReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Joins the reports of the shares of one run (one per CI runner) into the report of the whole run,
 * refusing what would not add up: reports of different trees or selections, a unit in two of them,
 * a share missing or given twice.
 */
public final class ReportMerge {
  private ReportMerge() {}

  /**
   * @param reports by where they were read from, for messages
   */
  public static VerifyReport merge(Map<String, VerifyReport> reports) {
    if (reports.isEmpty()) {
      throw new IllegalArgumentException("no reports to merge");
    }
    Map.Entry<String, VerifyReport> first = reports.entrySet().iterator().next();
    Scope scope = first.getValue().scope();
    String tree = treeName(first.getValue().root());
    Map<String, String> unitsSeenIn = new LinkedHashMap<>();
    Map<String, String> reasons = new LinkedHashMap<>();
    Set<Integer> shares = new TreeSet<>();
    int shareCount = 0;
    List<UnitResult> results = new ArrayList<>();
    Duration elapsed = Duration.ZERO;
    for (Map.Entry<String, VerifyReport> entry : reports.entrySet()) {
      VerifyReport report = entry.getValue();
      String name = entry.getKey();
      if (!treeName(report.root()).equals(tree)) {
        throw new IllegalArgumentException(
            name
                + " is a report of "
                + treeName(report.root())
                + ", "
                + first.getKey()
                + " one of "
                + tree
                + ": only the shares of one run can be merged");
      }
      if (!Objects.equals(report.engine(), first.getValue().engine())) {
        throw new IllegalArgumentException(
            name
                + " was planned by "
                + report.engine()
                + ", "
                + first.getKey()
                + " by "
                + first.getValue().engine()
                + ": only the shares of one run can be merged");
      }
      if (!report.scope().description().equals(scope.description())) {
        throw new IllegalArgumentException(
            name
                + " verified "
                + report.scope().description()
                + ", "
                + first.getKey()
                + " "
                + scope.description()
                + ": only the shares of one run can be merged");
      }
      for (UnitResult result : report.results()) {
        String earlier = unitsSeenIn.putIfAbsent(result.unit().name(), name);
        if (earlier != null) {
          throw new IllegalArgumentException(
              "unit " + result.unit().name() + " is in both " + earlier + " and " + name);
        }
        results.add(result);
      }
      reasons.putAll(report.scope().reasons());
      elapsed = elapsed.compareTo(report.elapsed()) >= 0 ? elapsed : report.elapsed();
      String share = report.scope().shard();
      if ((share == null) != (scope.shard() == null)) {
        throw new IllegalArgumentException(
            name
                + (share == null ? " is" : " is not")
                + " a whole run and "
                + first.getKey()
                + (share == null ? " is not" : " is")
                + ": only the shares of one run can be merged");
      }
      if (share != null) {
        Shard parsed = Shard.parse(share);
        if (shareCount != 0 && parsed.count() != shareCount) {
          throw new IllegalArgumentException(
              name
                  + " is share "
                  + share
                  + ", an earlier report one of "
                  + shareCount
                  + ": only the shares of one run can be merged");
        }
        shareCount = parsed.count();
        if (!shares.add(parsed.index())) {
          throw new IllegalArgumentException(
              "share " + share + " is given twice (again in " + name + ")");
        }
      }
    }
    if (!shares.isEmpty()) {
      List<String> missing = new ArrayList<>();
      for (int i = 1; i <= shareCount; i++) {
        if (!shares.contains(i)) {
          missing.add(i + "/" + shareCount);
        }
      }
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException(
            "the merge lacks share "
                + String.join(", ", missing)
                + ": a run is proven only by all of its shares");
      }
      if (results.size() != scope.selected()) {
        throw new IllegalArgumentException(
            "the shares hold "
                + results.size()
                + " units, the run selected "
                + scope.selected()
                + ": the shares were cut differently (another --timings?)");
      }
    }
    Scope merged =
        new Scope(scope.description(), reasons, scope.selected(), scope.candidates(), null);
    return new VerifyReport(
        first.getValue().root(), results, elapsed, merged, first.getValue().engine());
  }

  private static String treeName(Path root) {
    return String.valueOf(root.getFileName());
  }
}
