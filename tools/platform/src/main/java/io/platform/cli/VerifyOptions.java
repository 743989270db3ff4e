package io.platform.cli;

import io.platform.verify.Verifier;
import io.platform.verify.VerifyReport;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options shared by every command that verifies units. */
final class VerifyOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  int parallelism = Runtime.getRuntime().availableProcessors();

  /** Checked as the command line is read: a bad value must not start any work. */
  @Option(
      names = "--parallelism",
      paramLabel = "N",
      description = "Units planned at the same time (default: number of cores).")
  void parallelism(int units) {
    if (units < 1) {
      throw new ParameterException(
          mixee.commandLine(), "--parallelism must be at least 1, not " + units);
    }
    parallelism = units;
  }

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "Limit per unit for init + plan, e.g. 20m, 90s (default: 20m).",
      converter = DurationConverter.class)
  Duration unitTimeout = Duration.ofMinutes(20);

  @Option(
      names = "--lock-timeout",
      paramLabel = "DURATION",
      description =
          "How long to wait for a held state lock before reporting an error (default: 0s).",
      converter = DurationConverter.class)
  Duration lockTimeout = Duration.ZERO;

  @Mixin ReportOptions reports;

  Verifier.Options toVerifierOptions() {
    return new Verifier.Options(parallelism, unitTimeout, lockTimeout);
  }

  /** Prints the table, writes the requested reports, and returns the run's exit code. */
  int finish(VerifyReport report, PrintWriter out, PrintWriter err) {
    return reports.finish(report, out, err);
  }
}
