package io.platform.cli;

import io.platform.verify.ResultTable;
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
import java.nio.file.StandardCopyOption;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** The reports a verify run (or a merge of runs) writes, and how strict its exit code is. */
final class ReportOptions {
  @Option(
      names = "--allow-output-only",
      description = "Treat units whose only change is a root output as clean (exit 0).")
  boolean allowOutputOnly;

  @Option(
      names = "--junit",
      paramLabel = "FILE",
      description = "Write a JUnit XML report (one test case per unit).")
  Path junit;

  @Option(
      names = "--markdown",
      paramLabel = "FILE",
      description = "Write a Markdown report sized for a pull-request comment.")
  Path markdown;

  @Option(
      names = "--report-url",
      paramLabel = "URL",
      description =
          "Where the full reports are kept (a CI artifact): linked from a Markdown report that had to be cut.")
  String reportUrl;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Write the full JSON report; - writes it to stdout, and the table to stderr.")
  Path json;

  /**
   * Prints the table (on stderr when the JSON report goes to stdout, which then holds nothing
   * else), writes the requested reports, and returns the run's exit code.
   */
  int finish(VerifyReport report, PrintWriter out, PrintWriter err) {
    boolean jsonToStdout = json != null && json.toString().equals("-");
    PrintWriter table = jsonToStdout ? err : out;
    table.print(ResultTable.render(report));
    table.flush();
    write(junit, () -> JUnitReport.write(report, allowOutputOnly));
    write(markdown, () -> MarkdownReport.write(report, allowOutputOnly, reportUrl));
    if (jsonToStdout) {
      out.print(JsonReport.write(report, allowOutputOnly));
      out.flush();
    } else {
      write(json, () -> JsonReport.write(report, allowOutputOnly));
    }
    return report.exitCode(allowOutputOnly).code();
  }

  /** Written whole to a temporary file beside it, then moved: a reader never sees half a report. */
  private static void write(Path file, Supplier<String> render) {
    if (file == null) {
      return;
    }
    String content = render.get();
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path partial = Files.createTempFile(parent, "." + file.getFileName(), ".partial");
      Files.writeString(partial, content, StandardCharsets.UTF_8);
      Files.move(
          partial,
          file.toAbsolutePath(),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write report " + file, e);
    }
  }
}
