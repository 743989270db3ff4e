package io.platform.cli;

import io.platform.exit.ExitCode;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** The {@code platform} command: entry point and subcommand registry. */
@Command(
    name = "platform",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Drives the Terragrunt live tree: emulator, backend bootstrap, zero-diff verification, state migration.",
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
      CompletionCommand.class,
      HelpCommand.class,
    },
    exitCodeListHeading = "%nExit codes:%n")
public final class PlatformCommand {
  public static void main(String[] args) {
    // The terminal's own encoding, said rather than implied.
    Charset console = Charset.defaultCharset();
    System.exit(
        run(
            new PrintWriter(new OutputStreamWriter(System.out, console), true),
            new PrintWriter(new OutputStreamWriter(System.err, console), true),
            args));
  }

  /** Runs the command line with the given streams; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new PlatformCommand());
    commandLine.setOut(out);
    commandLine.setErr(err);
    // Exit code 2 means "changes" for verify, so a bad command line must not reuse it.
    commandLine.setParameterExceptionHandler(PlatformCommand::usageError);
    ExpectedFailures failures = new ExpectedFailures();
    commandLine.setExecutionExceptionHandler(failures);
    commandLine.setExitCodeExceptionMapper(failures);
    commandLine.getCommandSpec().usageMessage().exitCodeList(ExitCode.helpList());
    return commandLine.execute(args);
  }

  /**
   * A bad command line: the one error, the nearest name where a name was mistyped, and where the
   * usage is, instead of the whole usage after it.
   */
  static int usageError(ParameterException exception, String[] args) {
    PrintWriter err = exception.getCommandLine().getErr();
    err.println("error: " + exception.getMessage());
    if (exception instanceof UnmatchedArgumentException unmatched
        && !unmatched.getSuggestions().isEmpty()) {
      err.println("did you mean " + qualified(exception, unmatched.getSuggestions().get(0)) + "?");
    }
    err.println("see '" + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
    err.flush();
    return ExitCode.USAGE.code();
  }

  /** Picocli suggests subcommands by their name alone and options as they are. */
  private static String qualified(ParameterException exception, String suggestion) {
    return suggestion.startsWith("-") || suggestion.contains(" ")
        ? suggestion
        : exception.getCommandLine().getCommandSpec().qualifiedName() + " " + suggestion;
  }
}
