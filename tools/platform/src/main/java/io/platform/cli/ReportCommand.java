package io.platform.cli;

import io.platform.verify.VerifyReport;
import io.platform.verify.report.ReportMerge;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code platform report}: work with the reports of earlier verify runs. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Works with the JSON reports of earlier verify runs.",
    subcommands = {ReportCommand.Merge.class})
final class ReportCommand extends CommandGroup {
  /** {@code platform report merge}: the shares of one run, joined. */
  @Command(
      name = "merge",
      mixinStandardHelpOptions = true,
      description = {
        "Joins the JSON reports of the shares of one verify run into one.",
        "The shares (--shard K/N on each runner) become one table, JUnit, Markdown and JSON report and the run's exit"
            + " code. Refuses reports of different trees, selections or engines, a unit in two reports, a missing share."
      })
  static final class Merge extends PlatformSubcommand {
    @Parameters(
        arity = "1..*",
        paramLabel = "REPORT",
        description = "JSON reports written by verify --json.")
    List<Path> inputs;

    @Mixin ReportOptions reports;

    @Override
    protected int execute() {
      Map<String, VerifyReport> read = new LinkedHashMap<>();
      for (Path input : inputs) {
        read.put(input.toString(), ReportFiles.report(input));
      }
      return reports.finish(ReportMerge.merge(read), out(), err());
    }
  }
}
