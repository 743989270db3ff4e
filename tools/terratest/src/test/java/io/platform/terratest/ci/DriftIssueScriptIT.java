package io.platform.terratest.ci;

import static org.assertj.core.api.Assertions.assertThat;

import io.platform.live.Unit;
import io.platform.terratest.Repo;
import io.platform.terratest.ScriptSandbox;
import io.platform.verify.PlanSummary;
import io.platform.verify.UnitResult;
import io.platform.verify.Verdict;
import io.platform.verify.VerifyReport;
import io.platform.verify.report.JsonReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drift watch's script, {@code scripts/ci/drift-issue.sh}, with the real platform CLI deciding
 * and {@code gh} stubbed as GitHub would answer: which issue commands it runs for each state of the
 * environment's issue, and what it posts.
 */
class DriftIssueScriptIT {
  static final Path SCRIPT = Repo.root().resolve("scripts/ci/drift-issue.sh");
  static final Duration TIMEOUT = Duration.ofMinutes(2);
  static final String RUN = "https://github.com/acme/platform/actions/runs/7";

  @Test
  void opensTheIssueOnFirstDriftKeepsItQuietWhileTheSameDriftLastsAndClosesItWhenClean(
      @TempDir Path dir) throws IOException {
    Path drifted = report(dir.resolve("drifted.json"), Verdict.DRIFT_ONLY);
    Path clean = report(dir.resolve("clean.json"), Verdict.CLEAN);

    // No issue yet: one is created, with the marker that finds it again.
    ScriptSandbox first = sandbox(dir.resolve("first"), "", "");
    ScriptSandbox.Run opened = first.run(SCRIPT, args(drifted), Map.of(), TIMEOUT);
    assertThat(opened.exitCode()).as(opened.output()).isZero();
    assertThat(lines(first)).containsExactly("gh issue list", "gh issue list", "gh issue create");
    String body = posted(first, "create");
    assertThat(body)
        .startsWith("<!-- platform-drift: staging -->")
        .contains("| `vpc` | drift-only |");

    // The same drift the next night: the body is edited, nobody is notified.
    ScriptSandbox second = sandbox(dir.resolve("second"), "12 OPEN", body);
    ScriptSandbox.Run edited = second.run(SCRIPT, args(drifted), Map.of(), TIMEOUT);
    assertThat(edited.exitCode()).as(edited.output()).isZero();
    assertThat(lines(second))
        .containsExactly("gh issue list", "gh issue list", "gh issue view", "gh issue edit");
    assertThat(second.calls("gh").get(3).args()).containsSequence("edit", "12");

    // Clean again: a comment says so, and the issue is closed.
    ScriptSandbox third = sandbox(dir.resolve("third"), "12 OPEN", body);
    ScriptSandbox.Run closed = third.run(SCRIPT, args(clean), Map.of(), TIMEOUT);
    assertThat(closed.exitCode()).as(closed.output()).isZero();
    assertThat(lines(third))
        .containsExactly(
            "gh issue list",
            "gh issue list",
            "gh issue view",
            "gh issue comment",
            "gh issue close");
    assertThat(posted(third, "comment"))
        .startsWith("Every unit of `staging` is clean again")
        .contains(RUN);

    // Drift after that reopens the same issue and says it differs again.
    ScriptSandbox fourth = sandbox(dir.resolve("fourth"), "12 CLOSED", body);
    ScriptSandbox.Run reopened = fourth.run(SCRIPT, args(drifted), Map.of(), TIMEOUT);
    assertThat(reopened.exitCode()).as(reopened.output()).isZero();
    assertThat(lines(fourth))
        .containsExactly(
            "gh issue list",
            "gh issue list",
            "gh issue view",
            "gh issue reopen",
            "gh issue edit",
            "gh issue comment");
    assertThat(posted(fourth, "comment")).startsWith("Differs again: `vpc` (drift-only)");
  }

  private static List<String> args(Path report) {
    return List.of("staging", report.toString(), RUN);
  }

  /**
   * A {@code gh} whose issue searches find the issue {@code found} ("NUMBER STATE", or nothing)
   * with {@code body}, plus an unrelated issue, as {@code gh issue list --json} prints them; that
   * answers the issue's body with {@code body}, and keeps what every other command posts.
   */
  private static ScriptSandbox sandbox(Path dir, String found, String body) throws IOException {
    Files.createDirectories(dir);
    Path bodyFile = Files.writeString(dir.resolve("issue-body.md"), body);
    String other =
        "{\"number\": 3, \"state\": \"OPEN\", \"body\": \"Drift in staging? No: a question about it.\"}";
    String list =
        found.isEmpty()
            ? "echo '[" + other + "]'"
            : "jq -n --rawfile body '"
                + bodyFile
                + "' '[{number: "
                + found.split(" ")[0]
                + ", state: \""
                + found.split(" ")[1]
                + "\", body: $body}, "
                + other
                + "]'";
    String posts = dir.resolve("posted").toString();
    return ScriptSandbox.in(dir)
        .stub(
            "gh",
            """
            case "$1 $2" in
              "issue list") %s ;;
              "issue view") cat '%s' ;;
              *)
                for ((i = 1; i < $#; i++)); do
                  if [[ "${!i}" == --body-file ]]; then j=$((i + 1)); mkdir -p '%s'; cp "${!j}" '%s'/"$2"; fi
                done ;;
            esac
            """
                .formatted(list, bodyFile, posts, posts));
  }

  private static List<String> lines(ScriptSandbox sandbox) {
    return sandbox.calls("gh").stream()
        .map(c -> "gh " + c.args().get(0) + " " + c.args().get(1))
        .toList();
  }

  private static String posted(ScriptSandbox sandbox, String command) throws IOException {
    return Files.readString(sandbox.root().resolveSibling("posted").resolve(command));
  }

  private static Path report(Path file, Verdict verdict) throws IOException {
    PlanSummary summary =
        new PlanSummary(
            verdict,
            Map.of(),
            List.of(),
            verdict == Verdict.DRIFT_ONLY ? List.of("aws_route_table.private[0]") : List.of(),
            List.of(),
            List.of());
    UnitResult vpc =
        new UnitResult(
            new Unit(Path.of("/live/staging/vpc"), "vpc"), verdict, summary, null, Duration.ZERO);
    Files.writeString(
        file,
        JsonReport.write(
            new VerifyReport(Path.of("/live/staging"), List.of(vpc), Duration.ZERO), false));
    return file;
  }
}
