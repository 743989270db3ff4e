package io.platform.terratest.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.platform.exec.Command;
import io.platform.exec.ExecResult;
import io.platform.exec.ProcessRunner;
import io.platform.terratest.PlatformCli;
import io.platform.terratest.Repo;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code platform emulator} as the README's "Working by hand" uses it, from any folder of the
 * repository: started at the top, found from {@code live/local}, stopped from there, and a stop
 * with none running is success that says so (as {@code systemctl stop} is).
 */
class EmulatorCommandIT {
  @TempDir Path repo;

  private static String firstLine(String text) {
    return text.lines().findFirst().orElse("");
  }

  @Test
  void theEmulatorStartedAtTheTopIsFoundAndStoppedFromASubfolder() throws IOException {
    new ProcessRunner().run(Command.of("git", "init", "-q").in(repo)).requireSuccess();
    Path sub = Files.createDirectories(repo.resolve("live/local"));
    Path state = repo.resolve(".platform/emulator.json");
    PlatformCli atTop = new PlatformCli(repo, Map.of());
    PlatformCli inSub = new PlatformCli(sub, Map.of());

    ExecResult none = inSub.run("emulator", "stop");
    assertThat(none.exitCode()).isZero();
    assertThat(firstLine(none.stderr()))
        .isEqualTo("emulator: none running (no " + state.toAbsolutePath() + ")");

    ExecResult start = atTop.run("emulator", "start");
    assertThat(start.exitCode()).as(start.stderr()).isZero();
    try {
      ExecResult env = inSub.run("emulator", "env");
      assertThat(env.exitCode()).as(env.stderr()).isZero();
      assertThat(env.stdout()).contains("export AWS_ENDPOINT_URL='http://127.0.0.1:");
    } finally {
      ExecResult stop = inSub.run("emulator", "stop");
      assertThat(stop.exitCode()).as(stop.stderr()).isZero();
      assertThat(firstLine(stop.stderr())).startsWith("emulator: stopped pid ");
    }
    assertThat(state).doesNotExist();
    assertThat(inSub.run("emulator", "stop").exitCode()).isZero();
  }

  @Test
  void verifyOfTheLocalTreeWithoutTheEmulatorsEndpointSaysHowToGetIt() throws IOException {
    Repo.copy(repo, "live", "modules", "toolchain.properties");
    // The suite's own environment has no AWS_ENDPOINT_URL, as a new shell has none.
    assertThat(System.getenv("AWS_ENDPOINT_URL")).isNull();

    ExecResult verify =
        new PlatformCli(repo, Map.of()).run("verify", "live/local", "--include", "vpc");

    assertThat(verify.exitCode()).isEqualTo(1);
    // init on a fresh copy, plan where the unit was initialised before: the same error either way.
    assertThat(verify.stdout())
        .containsPattern(
            "error in vpc: (init|plan): Error: Required environment variable AWS_ENDPOINT_URL")
        .contains(
            "AWS_ENDPOINT_URL - not found."
                + " (the emulator's endpoint: start one with scripts/platform emulator start, then"
                + " eval \"$(scripts/platform emulator env)\")");
  }

  @Test
  void aDeadEndpointIsNamedAfterABoundedWaitThatIsAnnounced() throws IOException {
    Repo.copy(repo, "live", "modules", "toolchain.properties");
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String dead = "http://127.0.0.1:" + port;

    ExecResult bootstrap =
        new PlatformCli(repo, Map.of("AWS_ENDPOINT_URL", dead)).run("bootstrap", "live/local");

    assertThat(bootstrap.exitCode()).isEqualTo(1);
    assertThat(bootstrap.stderr().lines())
        .containsExactly(
            "waiting up to 10 s for AWS_ENDPOINT_URL " + dead + " to answer",
            "error: AWS_ENDPOINT_URL "
                + dead
                + " does not answer (Connection refused, for 10 s): for the emulator,"
                + " scripts/platform emulator start, then eval \"$(scripts/platform emulator env)\"");
  }
}
