package io.platform.verify.report;

import io.platform.verify.ChangeAction;
import io.platform.verify.PlanSummary;
import io.platform.verify.ResourceChange;
import io.platform.verify.UnitResult;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Human lines shared by the reports: a unit's headline and its per-resource changes. */
public final class ChangeLines {
  private ChangeLines() {}

  /** E.g. "3 to create, 1 to update" or "drift in 2 resources" or the error line. */
  public static String headline(UnitResult result) {
    if (result.error() != null) {
      return result.error();
    }
    PlanSummary summary = result.summary();
    StringJoiner parts = new StringJoiner(", ");
    for (ChangeAction action : ChangeAction.values()) {
      if (summary.count(action) > 0) {
        parts.add(summary.count(action) + " to " + action.label());
      }
    }
    if (!summary.drifted().isEmpty()) {
      parts.add(
          "drift in "
              + summary.drifted().size()
              + " resource"
              + (summary.drifted().size() == 1 ? "" : "s"));
    }
    if (!summary.changedOutputs().isEmpty()) {
      parts.add(
          summary.changedOutputs().size()
              + " output"
              + (summary.changedOutputs().size() == 1 ? "" : "s")
              + " changed");
    }
    return parts.length() == 0 ? "no changes" : parts.toString();
  }

  /** One line per change, drift and output, in the symbols Terraform uses. */
  public static List<String> details(PlanSummary summary) {
    List<String> lines = new ArrayList<>();
    for (ResourceChange change : summary.changes()) {
      StringJoiner actions = new StringJoiner("+");
      for (ChangeAction action : ChangeAction.values()) {
        if (change.actions().contains(action)) {
          actions.add(action.label());
        }
      }
      String line = symbol(change) + " " + change.address() + " (" + actions + ")";
      if (change.previousAddress() != null) {
        line += " from " + change.previousAddress();
      }
      if (!change.changedAttributes().isEmpty()
          && !change.actions().contains(ChangeAction.CREATE)) {
        line += ": " + String.join(", ", change.changedAttributes());
      }
      lines.add(line);
    }
    summary.drifted().forEach(a -> lines.add("! " + a + " (changed outside Terraform)"));
    summary.changedOutputs().forEach(o -> lines.add("~ output." + o));
    summary.deferredReads().forEach(d -> lines.add("<= " + d + " (read during apply)"));
    return lines;
  }

  private static String symbol(ResourceChange change) {
    if (change.actions().contains(ChangeAction.REPLACE)) {
      return "-/+";
    }
    if (change.actions().contains(ChangeAction.CREATE)) {
      return "+";
    }
    if (change.actions().contains(ChangeAction.DELETE)
        || change.actions().contains(ChangeAction.FORGET)) {
      return "-";
    }
    return "~";
  }
}
