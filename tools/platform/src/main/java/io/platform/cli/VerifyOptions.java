package io.platform.cli;

import io.platform.verify.ResultTable;
import io.platform.verify.Verifier;
import io.platform.verify.VerifyReport;
import io.platform.verify.report.JUnitReport;
import io.platform.verify.report.JsonReport;
import io.platform.verify.report.MarkdownReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Options shared by every command that verifies units. */
final class VerifyOptions {
  @Option(
      names = "--parallelism",
      description = "Units planned at the same time (default: number of cores).")
  int parallelism = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--timeout",
      description = "Limit per unit for init + plan, e.g. 20m, 90s (default: ${DEFAULT-VALUE}).",
      converter = DurationConverter.class)
  Duration unitTimeout = Duration.ofMinutes(20);

  @Option(
      names = "--lock-timeout",
      description = "How long to wait for a held state lock before reporting an error (default: 0s).",
      converter = DurationConverter.class)
  Duration lockTimeout = Duration.ZERO;

  @Option(
      names = "--allow-output-only",
      description = "Treat units whose only change is a root output as clean (exit 0).")
  boolean allowOutputOnly;

  @Option(names = "--junit", paramLabel = "FILE", description = "Write a JUnit XML report (one test case per unit).")
  Path junit;

  @Option(names = "--markdown", paramLabel = "FILE", description = "Write a Markdown report sized for a pull-request comment.")
  Path markdown;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the full JSON report.")
  Path json;

  Verifier.Options toVerifierOptions() {
    return new Verifier.Options(parallelism, unitTimeout, lockTimeout);
  }

  /** Prints the table, writes the requested reports, and returns the run's exit code. */
  int finish(VerifyReport report, PrintWriter out) {
    out.print(ResultTable.render(report));
    out.flush();
    write(junit, JUnitReport.write(report, allowOutputOnly));
    write(markdown, MarkdownReport.write(report, allowOutputOnly));
    write(json, JsonReport.write(report, allowOutputOnly));
    return report.exitCode(allowOutputOnly);
  }

  private static void write(Path file, String content) {
    if (file == null) {
      return;
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write report " + file, e);
    }
  }
}
