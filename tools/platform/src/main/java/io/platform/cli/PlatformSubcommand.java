package io.platform.cli;

import io.platform.aws.EndpointCheck;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Base of every subcommand: its output streams, progress on stderr, the tools' own output with
 * --verbose. Failures are thrown; {@link ExpectedFailures} turns them into one line and an exit
 * code.
 */
abstract class PlatformSubcommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-v", "--verbose"},
      description = "Print the tools' own output as they run.")
  boolean verbose;

  @Override
  public final Integer call() {
    return execute();
  }

  protected abstract int execute();

  protected PrintWriter out() {
    return spec.commandLine().getOut();
  }

  protected PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Progress goes to stderr so that stdout carries only results. */
  protected void progress(String line) {
    synchronized (this) {
      err().println(line);
    }
  }

  /**
   * How long a command waits for AWS_ENDPOINT_URL (an emulator still starting) before saying it is
   * dead.
   */
  static final Duration ENDPOINT_PATIENCE = Duration.ofSeconds(10);

  /**
   * AWS_ENDPOINT_URL, which must answer before any tool is pointed at it.
   *
   * @return the endpoint override, or null for AWS itself
   */
  protected URI requireEndpointAnswering() {
    URI endpoint = MigrationEnvironment.endpoint();
    if (endpoint != null) {
      EndpointCheck.requireAnswering(endpoint, ENDPOINT_PATIENCE, this::progress);
    }
    return endpoint;
  }

  /** Tool output, shown with --verbose only. */
  protected void toolOutput(String line) {
    if (verbose) {
      progress("  | " + line);
    }
  }
}
