package io.platform.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code platform} command: entry point and subcommand registry. */
@Command(
    name = "platform",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Drives the Terragrunt live tree: emulator, backend bootstrap, zero-diff verification, state migration.",
    subcommands = {
      LocalCommand.class,
      EmulatorCommand.class,
      BootstrapCommand.class,
      VerifyCommand.class,
      ReportCommand.class,
      DriftCommand.class,
      GraphCommand.class,
      MigrateCommand.class,
      DocsCommand.class,
      KillSwitchCommand.class,
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success (verify: every unit clean)",
      "1:error (verify: a unit could not be planned)",
      "2:verify: a unit would change or drifted",
      "3:migrate: refused (unmapped resources, collisions, a state not as planned)",
      "64:invalid command line",
    })
public final class PlatformCommand {
  public static final int EXIT_USAGE = 64;

  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the command line with the given streams; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new PlatformCommand());
    commandLine.setOut(out);
    commandLine.setErr(err);
    // Exit code 2 means "changes" for verify, so a bad command line must not reuse it.
    CommandLine.IParameterExceptionHandler usage = commandLine.getParameterExceptionHandler();
    commandLine.setParameterExceptionHandler(
        (exception, badArgs) -> {
          usage.handleParseException(exception, badArgs);
          return EXIT_USAGE;
        });
    return commandLine.execute(args);
  }
}
