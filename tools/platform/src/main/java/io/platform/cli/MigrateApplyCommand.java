package io.platform.cli;

import io.platform.exec.ProcessRunner;
import io.platform.migrate.apply.ApplyReport;
import io.platform.migrate.apply.Materializer;
import io.platform.migrate.apply.MigrationApplier;
import io.platform.migrate.apply.ScratchCopyVerifier;
import io.platform.migrate.apply.StateStores;
import io.platform.migrate.plan.MigrationPlan;
import io.platform.migrate.plan.PlanJson;
import io.platform.migrate.report.ApplyReportJson;
import io.platform.migrate.report.ApplyReportText;
import io.platform.migrate.storage.PrivateFiles;
import io.platform.terraform.InitGate;
import io.platform.terraform.Terraform;
import io.platform.terraform.Terragrunt;
import io.platform.toolchain.EngineRelease;
import io.platform.toolchain.Toolchain;
import io.platform.verify.Verifier;
import io.platform.verify.VerifyListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code platform migrate apply}: carry out a saved plan, unit by unit, verified. */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Carries out a plan from 'migrate plan', unit by unit, verified.",
      "Checks that the source is the planned one and every destination is as",
      "planned before writing anything; then per unit, once the units it",
      "depends on are done: plans it against a local copy of its new state,",
      "pushes it under its lock, writes its outputs (an output-only plan,",
      "applied), and plans it again against the remote state. Rerunning the",
      "same plan skips units already in place and finishes the rest."
    })
final class MigrateApplyCommand extends PlatformSubcommand {
  @Mixin EngineOption engineOption;

  @Parameters(
      index = "0",
      paramLabel = "PLAN",
      description = "The plan file written by migrate plan --out.")
  Path planFile;

  @Option(
      names = "--push",
      paramLabel = "HOW",
      description =
          "How unit states are written: s3 (direct, with the lock table digest; default) or terraform (terragrunt state push).")
  String push = "s3";

  @Option(
      names = "--allow-unwired",
      description =
          "Carry out a plan although references between its units are not wired in the live tree (see the plan's list).")
  boolean allowUnwired;

  @Option(
      names = "--force",
      description =
          "Overwrite unit states that are not as the plan expects (a different lineage or changed since the plan).")
  boolean force;

  @Option(
      names = "--no-verify",
      negatable = false,
      description = "Do not plan the units (file destinations are never planned).")
  boolean noVerify;

  @Option(
      names = "--no-materialize",
      negatable = false,
      description =
          "Do not write the units' outputs (then units that depend on them cannot plan clean yet).")
  boolean noMaterialize;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Limit per Terraform step of a unit (default: 20m).")
  Duration timeout = Duration.ofMinutes(20);

  @Option(
      names = "--parallelism",
      paramLabel = "N",
      description =
          "Units carried out at the same time; a unit starts after the units it depends on (default: the number of cores).")
  int parallelism = Runtime.getRuntime().availableProcessors();

  @Option(names = "--json", paramLabel = "FILE", description = "Write the JSON report.")
  Path json;

  @Option(names = "--markdown", paramLabel = "FILE", description = "Write the Markdown report.")
  Path markdown;

  @Override
  protected int execute() {
    StateStores.Push method =
        switch (push) {
          case "s3" -> StateStores.Push.S3;
          case "terraform" -> StateStores.Push.TERRAFORM;
          default ->
              throw new ParameterException(
                  spec.commandLine(), "--push must be s3 or terraform, not " + push);
        };
    boolean verify = !noVerify;
    MigrationApplier.Options options;
    try {
      options =
          new MigrationApplier.Options(
              force, verify, !noMaterialize, method, parallelism, allowUnwired);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    MigrationPlan plan = PlanJson.read(planFile);
    requireEndpointAnswering();
    Path scratch = PrivateFiles.directory("platform-migrate-");
    try {
      Toolchain toolchain =
          verify || method == StateStores.Push.TERRAFORM ? engineOption.toolchain() : null;
      EngineRelease engine =
          toolchain == null
              ? null
              : new Terraform(new ProcessRunner(), toolchain, Map.of()).release();
      MigrationApplier.Tools tools =
          verify ? tools(toolchain) : new MigrationApplier.Tools(null, null, null);
      ApplyReport report =
          new MigrationApplier(
                  MigrationEnvironment.stores(scratch, engineOption::toolchain),
                  tools,
                  options,
                  engine,
                  this::progress)
              .apply(plan, planFile.toString(), scratch);
      out().print(ApplyReportText.table(report));
      out().flush();
      if (report.error() != null) {
        err().println("error: " + report.error());
      }
      writeReport(json, ApplyReportJson.write(report));
      writeReport(markdown, ApplyReportText.markdown(report));
      return report.exitCode().code();
    } finally {
      PrivateFiles.delete(scratch);
    }
  }

  private MigrationApplier.Tools tools(Toolchain toolchain) {
    ProcessRunner runner = new ProcessRunner();
    Terragrunt terragrunt = new Terragrunt(runner, toolchain, Map.of());
    InitGate inits = new InitGate();
    return new MigrationApplier.Tools(
        new ScratchCopyVerifier(
            terragrunt, new Terraform(runner, toolchain, Map.of()), timeout, inits),
        new Materializer(terragrunt, timeout, inits),
        new Verifier(
            terragrunt,
            new Verifier.Options(1, timeout, Duration.ofSeconds(60)),
            VerifyListener.NONE,
            inits));
  }

  private static void writeReport(Path file, String content) {
    if (file == null) {
      return;
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write report " + file, e);
    }
  }
}
