package io.platform.cli;

import io.platform.exec.ProcessRunner;
import io.platform.local.LocalRun;
import io.platform.verify.VerifyReport;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code platform local}: the main job, end to end, on the embedded emulator. */
@Command(
    name = "local",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the main job on the embedded emulator, end to end.",
      "Starts moto, bootstraps the state backend, applies every unit of the live tree, plans each again and prints the"
          + " per-unit zero-diff table; stops moto at the end."
    })
final class LocalCommand extends PlatformSubcommand {
  @Mixin EngineOption engineOption;

  @Parameters(
      index = "0",
      paramLabel = "DIR",
      defaultValue = "live/local",
      description = "The environment to run (default: ${DEFAULT-VALUE}).")
  Path liveDir;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description = "Region of the emulated account (default: ${DEFAULT-VALUE}).")
  String region = "us-east-1";

  @Option(
      names = "--apply-timeout",
      paramLabel = "DURATION",
      description = "Limit for applying the whole tree (default: 60m).",
      converter = DurationConverter.class)
  Duration applyTimeout = Duration.ofMinutes(60);

  @Mixin VerifyOptions verifyOptions;

  @Override
  protected int execute() {
    LocalRun run =
        new LocalRun(
            engineOption.toolchain(), new ProcessRunner(), this::progress, this::toolOutput);
    VerifyReport report =
        run.run(
            new LocalRun.Options(
                liveDir.toAbsolutePath().normalize(),
                region,
                applyTimeout,
                verifyOptions.toVerifierOptions()),
            ProgressPrinter.forConsole(this::progress, err()));
    return verifyOptions.finish(report, out(), err());
  }
}
