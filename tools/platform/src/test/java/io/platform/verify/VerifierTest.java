package io.platform.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.platform.exec.Command;
import io.platform.exec.CommandRunner;
import io.platform.exec.ExecResult;
import io.platform.exit.ExitCode;
import io.platform.live.Unit;
import io.platform.terraform.Terragrunt;
import io.platform.toolchain.Toolchain;
import io.platform.toolchain.ToolsByName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verifier's flow against a scripted Terragrunt: which step failed, and the verdicts. */
class VerifierTest {
  private static final Toolchain TOOLCHAIN = ToolsByName.TERRAFORM;

  /** Answers per unit directory name and terragrunt subcommand. */
  private static CommandRunner scripted(Map<String, ExecResult> byUnitAndStep) {
    return command -> {
      String key = command.workingDir().getFileName() + " " + command.argv().get(1);
      ExecResult canned = byUnitAndStep.getOrDefault(key, ok(command, ""));
      return new ExecResult(
          command,
          canned.exitCode(),
          canned.stdout(),
          canned.stderr(),
          Duration.ZERO,
          canned.timedOut());
    };
  }

  /** Where a scripted {@code terragrunt plan} was told to save its plan ({@code -out=FILE}). */
  private static String planFileArgument(Command command) {
    return command.argv().stream()
        .filter(a -> a.startsWith("-out="))
        .findFirst()
        .orElseThrow()
        .substring("-out=".length());
  }

  private static ExecResult ok(Command command, String stdout) {
    return new ExecResult(command, 0, stdout, "", Duration.ZERO, false);
  }

  private static ExecResult failed(String stderr) {
    return new ExecResult(Command.of("terragrunt"), 1, "", stderr, Duration.ZERO, false);
  }

  private static ExecResult json(String stdout) {
    return new ExecResult(Command.of("terragrunt"), 0, stdout, "", Duration.ZERO, false);
  }

  @Test
  void reportsEachUnitsVerdictAndTheStepThatFailed() {
    CommandRunner runner =
        scripted(
            Map.of(
                // A quiet streamed plan is clean without rendering the plan file again.
                "vpc plan",
                json("{\"type\": \"change_summary\", \"changes\": {\"add\": 0}}"),
                "vpc show",
                failed("show must not run for a quiet plan"),
                "eks plan",
                json(
                    "{\"type\": \"planned_change\", \"change\": {\"action\": \"create\"}}\n"
                        + "{\"type\": \"change_summary\", \"changes\": {\"add\": 1}}"),
                "eks show",
                json(
                    "{\"format_version\": \"1.2\", \"resource_changes\": [{\"address\": \"a.b\", \"change\": {\"actions\": [\"create\"]}}]}"),
                "rds init",
                failed("Error: Failed to get existing workspaces: NoSuchBucket"),
                "alb plan",
                failed("│ Error: Error acquiring the state lock\n│ Lock Info: ..."),
                "kms plan",
                new ExecResult(
                    Command.of("terragrunt"),
                    1,
                    "{\"@level\": \"error\", \"type\": \"diagnostic\", \"diagnostic\": {\"summary\": \"Invalid reference\"}}",
                    "",
                    Duration.ZERO,
                    false)));
    Terragrunt terragrunt = new Terragrunt(runner, TOOLCHAIN, Map.of());
    List<Unit> units =
        List.of("vpc", "eks", "rds", "alb", "kms").stream()
            .map(n -> new Unit(Path.of("/live", n), n))
            .toList();

    VerifyReport report =
        new Verifier(
                terragrunt,
                new Verifier.Options(2, Duration.ofMinutes(1), Duration.ZERO),
                VerifyListener.NONE)
            .verify(Path.of("/live"), units);

    assertThat(report.results())
        .extracting(UnitResult::verdict)
        .containsExactly(
            Verdict.CLEAN, Verdict.CHANGES, Verdict.ERROR, Verdict.ERROR, Verdict.ERROR);
    assertThat(report.results().get(2).error())
        .isEqualTo("init: Error: Failed to get existing workspaces: NoSuchBucket");
    assertThat(report.results().get(3).error())
        .isEqualTo("plan: Error: Error acquiring the state lock");
    assertThat(report.results().get(4).error()).isEqualTo("plan: Error: Invalid reference");
    assertThat(report.exitCode(false)).isEqualTo(ExitCode.ERROR);
  }

  @Test
  void aPlanCutOffByTheTimeoutSaysSoNotWhatTheToolPrintedAsItDied() {
    CommandRunner runner =
        scripted(
            Map.of(
                "vpc plan",
                new ExecResult(
                    Command.of("terragrunt"),
                    -1,
                    "{\"@level\": \"error\", \"type\": \"diagnostic\", \"diagnostic\": {\"summary\": \"Failed to load plugin schemas\"}}",
                    "",
                    Duration.ZERO,
                    true)));
    Terragrunt terragrunt = new Terragrunt(runner, TOOLCHAIN, Map.of());

    VerifyReport report =
        new Verifier(
                terragrunt,
                new Verifier.Options(1, Duration.ofMillis(1), Duration.ZERO),
                VerifyListener.NONE)
            .verify(Path.of("/live"), List.of(new Unit(Path.of("/live/vpc"), "vpc")));

    assertThat(report.results().get(0).error())
        .isEqualTo("plan: timed out after 0 s (--timeout limits a unit's init, plan and show)");
  }

  @Test
  void driftWithNothingPlannedIsCleanWithoutShowOnlyWhereNoModuleIsCalled() {
    String drift =
        "{\"type\": \"resource_drift\", \"change\": {\"resource\": {\"addr\": \"aws_route_table.private\"}, \"action\": \"update\"}}\n"
            + "{\"type\": \"change_summary\", \"changes\": {\"add\": 0, \"change\": 0, \"import\": 0, \"remove\": 0}}";
    // A called module's output uses the drifted attribute: Terraform lists it as relevant.
    String relevantDrift =
        "{\"format_version\": \"1.2\", \"resource_drift\": [{\"address\": \"aws_route_table.private\", \"change\": {\"actions\": [\"update\"],"
            + " \"before\": {\"route\": []}, \"after\": {\"route\": [{\"cidr_block\": \"0.0.0.0/0\"}]}}}],"
            + " \"relevant_attributes\": [{\"resource\": \"aws_route_table.private\", \"attribute\": [\"route\"]}]}";
    List<String> shown = Collections.synchronizedList(new ArrayList<>());
    CommandRunner runner =
        command -> {
          String unit = command.workingDir().getFileName().toString();
          String step = command.argv().get(1);
          if (step.equals("show")) {
            shown.add(unit);
            return ok(command, relevantDrift);
          }
          if (step.equals("plan")) {
            Path planFile = Path.of(planFileArgument(command));
            String manifest =
                unit.equals("flat")
                    ? "[{\"Key\": \"\", \"Dir\": \".\"}]"
                    : "[{\"Key\": \"\", \"Dir\": \".\"}, {\"Key\": \"network\", \"Dir\": \"network\"}]";
            try {
              PlanModulesTest.planFile(planFile, manifest);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            return ok(command, drift);
          }
          return ok(command, "");
        };
    List<Unit> units =
        List.of(
            new Unit(Path.of("/live/flat"), "flat"), new Unit(Path.of("/live/nested"), "nested"));

    VerifyReport report =
        new Verifier(
                new Terragrunt(runner, TOOLCHAIN, Map.of()),
                new Verifier.Options(1, Duration.ofMinutes(1), Duration.ZERO),
                VerifyListener.NONE)
            .verify(Path.of("/live"), units);

    assertThat(report.results())
        .extracting(UnitResult::verdict)
        .containsExactly(Verdict.CLEAN, Verdict.DRIFT_ONLY);
    assertThat(shown).containsExactly("nested");
  }

  @Test
  void unitsWhoseNamesDifferOnlyBySlashOrUnderscoreGetTheirOwnPlanFile() {
    List<String> planFiles = Collections.synchronizedList(new ArrayList<>());
    CommandRunner runner =
        command -> {
          if (command.argv().get(1).equals("plan")) {
            planFiles.add(planFileArgument(command));
          }
          return ok(command, "");
        };
    List<Unit> units =
        List.of(
            new Unit(Path.of("/live/net/a"), "net/a"), new Unit(Path.of("/live/net_a"), "net_a"));

    new Verifier(
            new Terragrunt(runner, TOOLCHAIN, Map.of()),
            new Verifier.Options(2, Duration.ofMinutes(1), Duration.ZERO),
            VerifyListener.NONE)
        .verify(Path.of("/live"), units);

    assertThat(planFiles).hasSize(2).doesNotHaveDuplicates();
  }
}
