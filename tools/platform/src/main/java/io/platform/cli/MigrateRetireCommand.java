package io.platform.cli;

import io.platform.exec.ProcessRunner;
import io.platform.exit.ExitCode;
import io.platform.migrate.plan.MigrationPlan;
import io.platform.migrate.plan.PlanJson;
import io.platform.migrate.retire.Retirement;
import io.platform.migrate.slice.MigrationRefusedException;
import io.platform.migrate.storage.PrivateFiles;
import io.platform.select.ModuleCalls;
import io.platform.terraform.ConfigInspect;
import io.platform.terraform.Terraform;
import io.platform.toolchain.Toolchain;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code platform migrate retire}: the monolith forgets what it migrated and stays locked. */
@Command(
    name = "retire",
    mixinStandardHelpOptions = true,
    description = {
      "Retires the monolith after migrate apply, destroying nothing.",
      "Writes a removed block (destroy = false) per migrated module into the",
      "monolith's configuration, proves with a plan of it that every action is",
      "a forget of a migrated instance, and holds the monolith's state under a",
      "lock naming the migration. --undo lifts the lock and removes the file."
    })
final class MigrateRetireCommand extends PlatformSubcommand {
  @Mixin EngineOption engineOption;

  @Parameters(index = "0", paramLabel = "PLAN", description = "The plan migrate apply carried out.")
  Path planFile;

  @Option(
      names = "--config",
      required = true,
      paramLabel = "DIR",
      description =
          "The monolith's configuration, without the module blocks of the migrated components.")
  Path config;

  @Option(
      names = "--file",
      paramLabel = "NAME",
      description = "The file of removed blocks in DIR (default: ${DEFAULT-VALUE}).")
  String file = "platform_retired.tf";

  @Option(names = "--undo", description = "Lift the lock and remove the file retire wrote.")
  boolean undo;

  @Override
  protected int execute() {
    MigrationPlan plan = PlanJson.read(planFile);
    requireEndpointAnswering();
    Path scratch = PrivateFiles.directory("platform-migrate-");
    try {
      Toolchain toolchain = engineOption.toolchain();
      ProcessRunner runner = new ProcessRunner();
      Retirement retirement =
          new Retirement(
              MigrationEnvironment.stores(scratch, () -> toolchain),
              new Terraform(runner, toolchain, Map.of()),
              new ModuleCalls(new ConfigInspect(runner, toolchain)),
              this::progress);
      if (undo) {
        retirement.undo(plan, planFile.toString(), config, file).forEach(out()::println);
      } else {
        Retirement.Result result =
            retirement.retire(plan, planFile.toString(), config, file, scratch);
        out()
            .println(
                "retired: "
                    + result.forgotten()
                    + " migrated instances forgotten by a plan of "
                    + config
                    + ", 0 destroyed, 0 created; removed blocks in "
                    + result.file()
                    + (result.lock() == null
                        ? "; not locked (no lock table)"
                        : "; state locked (lock ID " + result.lock() + ")"));
      }
      out().flush();
      return ExitCode.OK.code();
    } catch (MigrationRefusedException e) {
      err().println("refused: " + e.getMessage());
      return ExitCode.REFUSED.code();
    } finally {
      PrivateFiles.delete(scratch);
    }
  }
}
