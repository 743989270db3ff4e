package io.platform.cli;

import io.platform.aws.EndpointCheck;
import io.platform.emulator.EmulatorException;
import io.platform.exec.ExecException;
import io.platform.toolchain.Engine;
import io.platform.toolchain.ToolchainException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import software.amazon.awssdk.core.exception.SdkException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Base of every subcommand: runs {@link #execute()} and turns expected failures into one
 * clear line on stderr and exit code 1, never a stack trace.
 */
abstract class PlatformSubcommand implements Callable<Integer> {
  static final int EXIT_ERROR = 1;

  @Spec CommandSpec spec;

  @Option(names = {"-v", "--verbose"}, description = "Print the tools' own output as they run.")
  boolean verbose;

  @Override
  public final Integer call() {
    try {
      return execute();
    } catch (Engine.UnknownEngineException e) {
      err().println("error: " + e.getMessage());
      return PlatformCommand.EXIT_USAGE;
    } catch (ToolchainException
        | EmulatorException
        | ExecException
        | IllegalArgumentException
        | IllegalStateException
        | UncheckedIOException
        | SdkException e) {
      err().println("error: " + e.getMessage());
      return EXIT_ERROR;
    }
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

  /** How long a command waits for AWS_ENDPOINT_URL (an emulator still starting) before saying it is dead. */
  static final Duration ENDPOINT_PATIENCE = Duration.ofSeconds(10);

  /** A set AWS_ENDPOINT_URL must answer before any tool is pointed at it. */
  protected void requireEndpointAnswering() {
    String endpoint = System.getenv("AWS_ENDPOINT_URL");
    if (endpoint != null && !endpoint.isBlank()) {
      EndpointCheck.requireAnswering(URI.create(endpoint), ENDPOINT_PATIENCE, this::progress);
    }
  }

  /** Tool output, shown with --verbose only. */
  protected void toolOutput(String line) {
    if (verbose) {
      progress("  | " + line);
    }
  }
}
