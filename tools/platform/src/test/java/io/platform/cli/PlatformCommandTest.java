package io.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.platform.exec.Command;
import io.platform.exec.ProcessRunner;
import io.platform.exit.ExitCode;
import io.platform.live.Unit;
import io.platform.migrate.storage.Digests;
import io.platform.toolchain.Engine.UnknownEngineException;
import io.platform.verify.UnitResult;
import io.platform.verify.Verdict;
import io.platform.verify.VerifyReport;
import io.platform.verify.report.JsonReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PlatformCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return PlatformCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void helpListsTheSubcommandsAndExitCodes() {
    assertThat(run("--help")).isZero();

    assertThat(out.toString())
        .contains("local", "emulator", "bootstrap", "verify")
        .contains("Exit codes:")
        .contains("64", "would change");
  }

  @Test
  void theHelpListsEveryExitCodeOnceFromTheOneList() {
    assertThat(run("--help")).isZero();

    String help = out.toString().replaceAll("\\s+", " ");
    for (ExitCode exit : ExitCode.values()) {
      assertThat(help)
          .containsOnlyOnce(" " + exit.code() + " " + exit.meaning().replaceAll("\\s+", " "));
    }
  }

  @Test
  void anEngineNamedWrongInTheEnvironmentIsAUsageErrorAndOtherFailuresAnError() {
    ExpectedFailures failures = new ExpectedFailures();

    assertThat(failures.getExitCode(new UnknownEngineException("foo"))).isEqualTo(64);
    assertThat(failures.getExitCode(new IllegalStateException("boom"))).isEqualTo(1);
  }

  @Test
  void helpOfACommandIsItsUsage() {
    assertThat(run("help", "verify")).isZero();
    assertThat(out.toString()).startsWith("Usage: platform verify ");
  }

  @Test
  void theVersionNamesThePinnedTools() {
    assertThat(run("--version")).isZero();

    assertThat(out.toString().lines())
        .hasSize(2)
        .last()
        .asString()
        .matches(
            "pinned: Terraform \\d+\\.\\d+\\.\\d+, OpenTofu \\d+\\.\\d+\\.\\d+, Terragrunt \\d+\\.\\d+\\.\\d+,"
                + " AWS provider \\d+\\.\\d+\\.\\d+, moto \\d+\\.\\d+\\.\\d+");
  }

  @Test
  void theHelpListsEachCommandWithAWholeSentence() {
    assertThat(run("--help")).isZero();

    // The list shows each command's first description line: it must be a whole sentence.
    List<String> summaries = new ArrayList<>();
    collectSummaries(new CommandLine(new PlatformCommand()), summaries);
    assertThat(summaries)
        .hasSizeGreaterThan(10)
        .allSatisfy(summary -> assertThat(summary).endsWith("."));
    assertThat(out.toString()).doesNotContain("PT20M");
  }

  @Test
  void aBadCommandLineExits64NotTheChangesCode() {
    assertThat(run("verify", "--parallelism", "many", "live")).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("--parallelism");
  }

  @Test
  void anEngineThatIsNeitherTerraformNorOpenTofuIsABadCommandLine() {
    assertThat(run("verify", "live", "--engine", "foo")).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("'foo' is not an engine: terraform or tofu");
    assertThat(
            run(
                "migrate",
                "plan",
                "--source",
                "mono.tfstate",
                "--to-dir",
                "out",
                "--engine",
                "pulumi"))
        .isEqualTo(ExitCode.USAGE.code());
  }

  @Test
  void aParallelismBelowOneIsRefusedBeforeAnyWork() {
    assertThat(run("verify", "live", "--parallelism", "0")).isEqualTo(ExitCode.USAGE.code());
    assertThat(firstLine(err)).isEqualTo("error: --parallelism must be at least 1, not 0");
  }

  @Test
  void aMigrationWithoutPrefixIsABadCommandLine(@TempDir Path dir) {
    assertThat(
            run(
                "migrate",
                "plan",
                "--source",
                dir.resolve("mono.tfstate").toString(),
                "--to-dir",
                dir.resolve("out").toString()))
        .isEqualTo(ExitCode.USAGE.code());
    assertThat(firstLine(err))
        .isEqualTo("error: no prefix: give --prefix or a mapping file with \"prefix\"");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void bootstrapOfAFolderWithoutUnitsSaysSo(@TempDir Path empty) {
    assertThat(run("bootstrap", empty.toString())).isEqualTo(1);
    assertThat(firstLine(err))
        .isEqualTo("error: no units (terragrunt.hcl) under " + empty + ": nothing to bootstrap");
  }

  @Test
  void aMistypedSubcommandGetsTheNearestNameAndWhereTheHelpIsNotTheWholeUsage() {
    assertThat(run("verfy", "live")).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString().lines())
        .containsExactly(
            "error: Unmatched arguments from index 0: 'verfy', 'live'",
            "did you mean platform verify?",
            "see 'platform --help'");

    err.getBuffer().setLength(0);
    assertThat(run("migrate", "plann")).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString().lines())
        .contains("did you mean platform migrate plan?", "see 'platform migrate --help'");
  }

  @Test
  void anUnknownOptionIsOneLineAndWhereTheHelpIs() {
    assertThat(run("verify", "--bogus", "live")).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString().lines())
        .containsExactly("error: Unknown option: '--bogus'", "see 'platform verify --help'");
  }

  @Test
  void oneOfAThingIsSaidInTheSingular(@TempDir Path dir) throws IOException {
    Path report = dir.resolve("verify.json");
    Files.writeString(
        report,
        """
        {"format_version": 1, "root": "/repo/live/local", "elapsed_ms": 1200, "exit_code": 1,
         "units": [{"name": "vpc", "dir": "/repo/live/local/vpc", "verdict": "error", "elapsed_ms": 1200, "error": "plan: boom"}]}
        """);

    assertThat(run("report", "merge", report.toString())).isEqualTo(1);
    assertThat(out.toString().lines())
        .contains("1 unit: 0 clean, 0 output-only, 0 drift-only, 0 with changes, 1 error (1.2s)");
  }

  @Test
  void aMissingStateOrMappingFileSaysItDoesNotExist(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("mono.tfstate");
    assertThat(
            run(
                "migrate",
                "plan",
                "--source",
                missing.toString(),
                "--to-dir",
                dir.resolve("out").toString(),
                "--prefix",
                "module.*"))
        .isEqualTo(1);
    assertThat(firstLine(err))
        .isEqualTo(
            "error: source "
                + missing
                + " does not exist (a state file, s3://BUCKET/KEY, or tf:DIR for a backend)");

    err.getBuffer().setLength(0);
    Path mapping = dir.resolve("mapping.json");
    assertThat(
            run(
                "migrate",
                "plan",
                "--source",
                missing.toString(),
                "--to-dir",
                dir.resolve("out").toString(),
                "--mapping",
                mapping.toString()))
        .isEqualTo(1);
    assertThat(firstLine(err))
        .isEqualTo("error: cannot read mapping file " + mapping + ": it does not exist");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void excludingEverythingSaysSoAndARefusedPlanDoesNotSayTheSourceIsUnchangedFirst(
      @TempDir Path dir) throws IOException {
    Path state = dir.resolve("mono.tfstate");
    Files.writeString(
        state,
        """
        {"version": 4, "lineage": "x", "serial": 1, "resources": [{"module": "module.a", "mode": "managed",
          "type": "terraform_data", "name": "t", "provider": "provider[\\"terraform.io/builtin/terraform\\"]", "instances": []}]}
        """);
    Path mapping = dir.resolve("mapping.json");
    Files.writeString(mapping, "{\"prefix\": \"module.*\", \"exclude\": [\"module.a\"]}");

    assertThat(
            run(
                "migrate",
                "plan",
                "--source",
                state.toString(),
                "--to-dir",
                dir.resolve("out").toString(),
                "--mapping",
                mapping.toString(),
                "--out",
                dir.resolve("plan.json").toString()))
        .isEqualTo(3);
    assertThat(err.toString().lines())
        .containsExactly(
            "source: " + state + " (sha256 " + sha256(state) + ")",
            "refused: nothing to migrate: the mapping's exclude matches every resource of the state (1)");
    assertThat(dir.resolve("plan.json")).doesNotExist();
  }

  private static String sha256(Path file) throws IOException {
    return Digests.sha256(Files.readAllBytes(file));
  }

  private static void collectSummaries(CommandLine command, List<String> summaries) {
    for (CommandLine sub : command.getSubcommands().values()) {
      String[] description = sub.getCommandSpec().usageMessage().description();
      summaries.add(
          sub.getCommandSpec().qualifiedName()
              + ": "
              + (description.length == 0 ? "" : description[0]));
      collectSummaries(sub, summaries);
    }
  }

  @Test
  void jsonToStdoutLeavesStdoutToTheReportAlone(@TempDir Path dir) throws IOException {
    Path report = dir.resolve("verify.json");
    Files.writeString(
        report,
        """
        {"format_version": 1, "root": "/repo/live/local", "elapsed_ms": 1200, "exit_code": 0,
         "units": [{"name": "vpc", "dir": "/repo/live/local/vpc", "verdict": "clean", "elapsed_ms": 1200,
           "plan": {"counts": {}, "changes": [], "drifted": [], "changed_outputs": [], "deferred_reads": []}}]}
        """);

    assertThat(
            run(
                "report",
                "merge",
                report.toString(),
                "--json",
                "-",
                "--junit",
                dir.resolve("j.xml").toString()))
        .isZero();
    assertThat(
            new ObjectMapper().readTree(out.toString()).path("units").get(0).path("name").asText())
        .isEqualTo("vpc");
    assertThat(err.toString()).startsWith("UNIT ");
    assertThat(dir.resolve("-")).doesNotExist();
  }

  private static String firstLine(StringWriter writer) {
    return writer.toString().lines().findFirst().orElse("");
  }

  @Test
  void aShareThatIsNoneOfTheSharesIsABadCommandLine() {
    assertThat(run("verify", "live", "--shard", "0/2")).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("--shard 0/2: the share must be K/N with 1 <= K <= N");
    assertThat(run("verify", "live", "--shard", "3/2")).isEqualTo(ExitCode.USAGE.code());
    assertThat(run("verify", "live", "--shard", "half")).isEqualTo(ExitCode.USAGE.code());
  }

  @Test
  void baseAndTimingsNeedWhatTheyModify(@TempDir Path tree) throws IOException {
    Files.writeString(tree.resolve("terragrunt.hcl"), "");
    assertThat(run("verify", tree.toString(), "--base", "main")).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("--base needs --affected");
    assertThat(run("verify", tree.toString(), "--timings", "r.json"))
        .isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("--timings needs --shard");
  }

  @Test
  void affectedWithABaseThatNamesNoCommitIsABadCommandLine(@TempDir Path repo) throws IOException {
    Files.createDirectories(repo.resolve("live/vpc"));
    Files.writeString(repo.resolve("live/vpc/terragrunt.hcl"), "");
    ProcessRunner git = new ProcessRunner();
    git.run(Command.of("git", "init", "-q").in(repo)).requireSuccess();

    assertThat(
            run(
                "verify",
                repo.resolve("live").toString(),
                "--affected",
                "--base",
                "no-such-branch"))
        .isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("--base no-such-branch names no commit");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void mergingSomethingThatIsNoVerifyReportIsAnErrorAndWritesNothing(@TempDir Path dir)
      throws IOException {
    Path notAReport = Files.writeString(dir.resolve("plan.json"), "{\"resource_changes\": []}");
    Path merged = dir.resolve("merged.json");

    assertThat(run("report", "merge", notAReport.toString(), "--json", merged.toString()))
        .isEqualTo(1);
    assertThat(err.toString()).contains("error: " + notAReport + ": not a verify report");
    assertThat(merged).doesNotExist();

    assertThat(run("report", "merge", dir.resolve("missing.json").toString())).isEqualTo(1);
    assertThat(err.toString()).contains("missing.json does not exist");
    assertThat(run("report", "merge")).isEqualTo(ExitCode.USAGE.code());
  }

  @Test
  void driftIssueWritesTheDecisionForTheWorkflowToCarryOut(@TempDir Path dir) throws IOException {
    VerifyReport drifted =
        new VerifyReport(
            Path.of("/live/staging"),
            List.of(
                new UnitResult(
                    new Unit(Path.of("/live/staging/rds"), "rds"),
                    Verdict.ERROR,
                    null,
                    "plan: Error: boom",
                    Duration.ZERO)),
            Duration.ZERO);
    Path report = Files.writeString(dir.resolve("staging.json"), JsonReport.write(drifted, false));
    Path out = dir.resolve("decision");

    assertThat(
            run(
                "drift",
                "issue",
                "--environment",
                "staging",
                "--report",
                report.toString(),
                "--out",
                out.toString(),
                "--now",
                "2026-12-07T02:00:00Z"))
        .isZero();
    assertThat(this.out.toString().strip()).isEqualTo("open");
    assertThat(Files.readString(out.resolve("decision.json")))
        .isEqualTo("{\"action\":\"open\",\"comment\":false,\"findings\":1}\n");
    assertThat(Files.readString(out.resolve("body.md")))
        .startsWith("<!-- platform-drift: staging -->");
    assertThat(out.resolve("comment.md")).doesNotExist();

    Path stranger = Files.writeString(dir.resolve("other.md"), "an issue about something else");
    assertThat(
            run(
                "drift",
                "issue",
                "--environment",
                "staging",
                "--report",
                report.toString(),
                "--out",
                out.toString(),
                "--issue-body",
                stranger.toString()))
        .isEqualTo(1);
    assertThat(err.toString()).contains("is not the drift issue of staging");
    assertThat(
            run(
                "drift",
                "issue",
                "--environment",
                "staging",
                "--report",
                report.toString(),
                "--out",
                out.toString(),
                "--issue-state",
                "gone"))
        .isEqualTo(ExitCode.USAGE.code());
    assertThat(
            run(
                "drift",
                "issue",
                "--environment",
                "x--y",
                "--report",
                report.toString(),
                "--out",
                out.toString()))
        .isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("no '--'");
  }

  @Test
  void anExpectedFailureIsOneLineOnStderrNotAStackTrace() {
    int exit = run("verify", "/definitely/not/here");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString().strip()).startsWith("error: ").doesNotContain("\tat ");
  }

  @Test
  void graphOfAMissingDirectoryOrOfOneWithoutUnitsIsAClearError(@TempDir Path empty) {
    assertThat(run("graph", "/definitely/not/here")).isEqualTo(1);
    assertThat(err.toString()).contains("error: not a directory: /definitely/not/here");

    assertThat(run("graph", empty.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("error: no units (terragrunt.hcl) under " + empty);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void killSwitchRestoreNeedsASecretIdAndTakesAKeyFileOnlyWhenRotating() {
    assertThat(run("kill-switch", "restore")).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("--secret-id");

    int exit =
        run(
            "kill-switch",
            "restore",
            "--secret-id",
            "s",
            "--region",
            "us-east-1",
            "--secret-key-file",
            "k.json");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("error: --secret-key-file goes with --rotate");
  }
}
