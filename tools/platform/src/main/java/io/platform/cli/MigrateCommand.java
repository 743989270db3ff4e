package io.platform.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code platform migrate}: slice a monolithic state into the units' states. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Slices a monolithic Terraform state into one state per unit.",
      "The source is never written. 'plan' writes a reviewable migration plan;",
      "'apply' carries it out and proves each unit with a zero-diff plan.",
      "See docs/migrate.md."
    },
    subcommands = {MigratePlanCommand.class, MigrateApplyCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:error (nothing half-written is reported as done; rerun apply with the same plan)",
      "2:apply: a unit's plan shows resource changes or drift",
      "3:refused: unmapped resources, colliding destinations, a destination or source not as planned",
      "64:invalid command line",
    })
final class MigrateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return PlatformCommand.EXIT_USAGE;
  }
}
