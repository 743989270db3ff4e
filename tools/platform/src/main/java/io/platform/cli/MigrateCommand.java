package io.platform.cli;

import picocli.CommandLine.Command;

/** {@code platform migrate}: slice a monolithic state into the units' states. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Slices a monolithic Terraform state into one state per unit.",
      "The source is never written. 'plan' writes a reviewable migration plan;",
      "'apply' carries it out and proves each unit with a zero-diff plan;",
      "'retire' makes the monolith forget what moved, and locks it.",
      "See docs/migrate.md."
    },
    subcommands = {MigratePlanCommand.class, MigrateApplyCommand.class, MigrateRetireCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:error (nothing half-written is reported as done; rerun apply with the same plan)",
      "2:apply: a unit's plan shows resource changes or drift",
      "3:refused: unmapped resources, colliding destinations, a destination or source not as planned",
      "64:invalid command line",
    })
final class MigrateCommand extends CommandGroup {}
