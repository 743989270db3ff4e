package io.platform.cli;

import io.platform.emulator.EmulatorException;
import io.platform.exec.ExecException;
import io.platform.exit.ExitCode;
import io.platform.toolchain.Engine;
import io.platform.toolchain.ToolchainException;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The failures a command reports as one line, "error: ...", never a stack trace, and the exit code
 * each maps to. Anything else is a bug: its stack trace is printed, and it exits 1.
 */
final class ExpectedFailures implements IExecutionExceptionHandler, IExitCodeExceptionMapper {
  private static final List<Class<? extends Exception>> EXPECTED =
      List.of(
          ToolchainException.class,
          EmulatorException.class,
          ExecException.class,
          IllegalArgumentException.class,
          IllegalStateException.class,
          UncheckedIOException.class,
          SdkException.class);

  @Override
  public int getExitCode(Throwable failure) {
    // A PLATFORM_ENGINE that names no engine is a bad command line, though read from the
    // environment.
    return (failure instanceof Engine.UnknownEngineException ? ExitCode.USAGE : ExitCode.ERROR)
        .code();
  }

  @Override
  public int handleExecutionException(
      Exception failure, CommandLine command, CommandLine.ParseResult parsed) {
    if (EXPECTED.stream().anyMatch(kind -> kind.isInstance(failure))) {
      command.getErr().println("error: " + failure.getMessage());
    } else {
      failure.printStackTrace(command.getErr());
    }
    command.getErr().flush();
    return getExitCode(failure);
  }
}
