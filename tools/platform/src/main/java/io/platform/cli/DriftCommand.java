package io.platform.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platform.drift.DriftDecision;
import io.platform.drift.DriftIssue;
import io.platform.text.Count;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code platform drift}: what a scheduled verify run means for the environment's drift issue. */
@Command(
    name = "drift",
    mixinStandardHelpOptions = true,
    description = "Keeps one GitHub issue per environment about its drift (docs/drift.md).",
    subcommands = {DriftCommand.Issue.class})
final class DriftCommand extends CommandGroup {
  /** {@code platform drift issue}: decide, from a verify report and the issue as it is. */
  @Command(
      name = "issue",
      mixinStandardHelpOptions = true,
      description = {
        "Decides what to do with the environment's drift issue after a verify run.",
        "Open, update, close or none, and whether to comment. Writes decision.json, and body.md and comment.md when"
            + " there is a body or a comment, into --out. Talks to no API: the workflow finds the issue by its marker"
            + " and carries the decision out with gh."
      })
  static final class Issue extends PlatformSubcommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(
        names = "--environment",
        required = true,
        paramLabel = "ENV",
        description = "The environment, e.g. staging.")
    String environment;

    @Option(
        names = "--report",
        required = true,
        paramLabel = "FILE",
        description = "The run's JSON report (verify --json).")
    Path report;

    @Option(
        names = "--issue-body",
        paramLabel = "FILE",
        description = "The body of the environment's issue as it is now; without it there is none.")
    Path issueBody;

    @Option(
        names = "--issue-state",
        paramLabel = "STATE",
        description = "open (default) or closed.")
    String issueState = "open";

    @Option(
        names = "--run-url",
        paramLabel = "URL",
        description = "The run, linked from the issue and its comments.")
    String runUrl;

    @Option(
        names = "--now",
        paramLabel = "TIME",
        description = "When the run checked, e.g. 2026-12-07T02:00:00Z (default: now).")
    String now;

    @Option(
        names = "--allow-output-only",
        description = "Units whose only change is a root output count as clean.")
    boolean allowOutputOnly;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "DIR",
        description = "Where to write the decision.")
    Path out;

    @Override
    protected int execute() {
      if (!DriftIssue.validName(environment)) {
        throw new ParameterException(
            spec.commandLine(),
            "--environment "
                + environment
                + ": letters, digits, '.', '_' and '-' only, and no '--' (the issue's marker is an HTML comment)");
      }
      if (!issueState.equals("open") && !issueState.equals("closed")) {
        throw new ParameterException(
            spec.commandLine(), "--issue-state must be open or closed, not " + issueState);
      }
      Instant checked = checkedAt();
      DriftDecision.Existing existing = null;
      if (issueBody != null) {
        String body = ReportFiles.text(issueBody);
        if (!DriftIssue.isIssueOf(body, environment)) {
          throw new IllegalArgumentException(
              issueBody
                  + " is not the drift issue of "
                  + environment
                  + " (it lacks "
                  + DriftIssue.marker(environment)
                  + ")");
        }
        existing = new DriftDecision.Existing(body, issueState.equals("open"));
      }
      DriftDecision decision =
          DriftDecision.decide(
              environment, ReportFiles.report(report), allowOutputOnly, existing, checked, runUrl);
      write(decision);
      progress(
          "drift: "
              + decision.action().label()
              + (decision.comment() == null ? "" : " with a comment")
              + ", "
              + Count.of(decision.findings().size(), "unit")
              + " differ");
      out().println(decision.action().label());
      return 0;
    }

    private Instant checkedAt() {
      if (now == null) {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
      }
      try {
        return Instant.parse(now);
      } catch (DateTimeParseException e) {
        throw new ParameterException(
            spec.commandLine(), "--now " + now + " is not a time such as 2026-12-07T02:00:00Z");
      }
    }

    private void write(DriftDecision decision) {
      ObjectNode json = JSON.createObjectNode();
      json.put("action", decision.action().label());
      json.put("comment", decision.comment() != null);
      json.put("findings", decision.findings().size());
      try {
        Files.createDirectories(out);
        Files.deleteIfExists(out.resolve("body.md"));
        Files.deleteIfExists(out.resolve("comment.md"));
        if (decision.body() != null) {
          Files.writeString(out.resolve("body.md"), decision.body(), StandardCharsets.UTF_8);
        }
        if (decision.comment() != null) {
          Files.writeString(out.resolve("comment.md"), decision.comment(), StandardCharsets.UTF_8);
        }
        // Last: the workflow acts only once the decision is there, whole.
        Files.writeString(
            out.resolve("decision.json"),
            JSON.writeValueAsString(json) + "\n",
            StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot write the decision into " + out + ": " + e.getMessage(), e);
      }
    }
  }
}
