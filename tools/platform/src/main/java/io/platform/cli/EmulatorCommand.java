package io.platform.cli;

import io.platform.emulator.EmulatorState;
import io.platform.emulator.MotoServer;
import io.platform.toolchain.Toolchain;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code platform emulator}: a moto server that outlives the command, for hands-on work. */
@Command(
    name = "emulator",
    mixinStandardHelpOptions = true,
    description = "Start, use and stop a detached moto server (the AWS API emulator).",
    subcommands = {
      EmulatorCommand.Start.class,
      EmulatorCommand.Env.class,
      EmulatorCommand.Stop.class,
    })
final class EmulatorCommand {

  /** Where the detached server's PID and endpoint are kept. */
  static class StateFileOption {
    @Option(
        names = "--state-file",
        paramLabel = "FILE",
        description =
            "Where the running emulator is recorded (default: .platform/emulator.json at the top of the"
                + " Git repository the current directory is in, else in the current directory).")
    Path given;

    /** The same file from any folder of the repository: its top holds it. */
    Path file() {
      if (given != null) {
        return given;
      }
      Path here = Path.of("").toAbsolutePath();
      for (Path dir = here; dir != null; dir = dir.getParent()) {
        if (Files.exists(dir.resolve(".git"))) {
          return dir.resolve(".platform").resolve("emulator.json");
        }
      }
      return here.resolve(".platform").resolve("emulator.json");
    }
  }

  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description = "Start moto on a free loopback port and print the shell exports that use it.")
  static final class Start extends PlatformSubcommand {
    @Mixin StateFileOption state;

    @Option(
        names = "--region",
        paramLabel = "REGION",
        description = "Region of the emulated account (default: ${DEFAULT-VALUE}).")
    String region = "us-east-1";

    @Override
    protected int execute() {
      Path file = state.file();
      if (Files.exists(file) && EmulatorState.read(file).isRunning()) {
        throw new IllegalStateException(
            "an emulator is already running (" + file + "); stop it first");
      }
      MotoServer server = MotoServer.start(Toolchain.locate().motoServer(), region).detach();
      new EmulatorState(server.pid().getAsLong(), server.endpoint()).write(file);
      printExports(out(), server.endpoint().environment());
      progress(
          "emulator: moto at "
              + server.endpoint().url()
              + " (pid "
              + server.pid().getAsLong()
              + ")");
      return 0;
    }
  }

  @Command(
      name = "env",
      mixinStandardHelpOptions = true,
      description =
          "Print shell exports for the running emulator: eval \"$(platform emulator env)\".")
  static final class Env extends PlatformSubcommand {
    @Mixin StateFileOption state;

    @Override
    protected int execute() {
      printExports(out(), EmulatorState.read(state.file()).endpoint().environment());
      return 0;
    }
  }

  /** Idempotent, as {@code systemctl stop} is: stopping what is not running is success, said so. */
  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      description = "Stop the emulator by its PID; with none running, say so and exit 0.")
  static final class Stop extends PlatformSubcommand {
    @Mixin StateFileOption state;

    @Override
    protected int execute() {
      Path file = state.file();
      if (!Files.exists(file)) {
        progress("emulator: none running (no " + file + ")");
        return 0;
      }
      EmulatorState running = EmulatorState.read(file);
      boolean stopped = MotoServer.stop(running.pid());
      try {
        Files.delete(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove " + file, e);
      }
      progress(stopped ? "emulator: stopped pid " + running.pid() : "emulator: was not running");
      return 0;
    }
  }

  static void printExports(PrintWriter out, Map<String, String> environment) {
    environment.forEach(
        (name, value) -> out.println("export " + name + "='" + value.replace("'", "'\\''") + "'"));
    out.flush();
  }
}
