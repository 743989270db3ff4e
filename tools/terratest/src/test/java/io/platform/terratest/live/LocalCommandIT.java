package io.platform.terratest.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.platform.cli.PlatformCommand;
import io.platform.live.UnitDiscovery;
import io.platform.terratest.Repo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main command, {@code platform local live/local}: it applies every unit, prints a
 * table where every unit is clean, and leaves no emulator behind. Then again in the same checkout,
 * where the first run left its Terragrunt caches, Terraform working directories and lock files (and
 * backends that point at the first run's emulator, long gone): on the vpc unit, which is all a
 * rerun needs to meet them; every further unit would only repeat the first run.
 */
class LocalCommandIT {
  private static final Pattern EMULATOR = Pattern.compile("moto server at (\\S+) \\(pid (\\d+)\\)");

  /** The kill-switch unit deploys the packaged function. */
  private static final String KILL_SWITCH_JAR = "lambdas/kill-switch/target/kill-switch.jar";

  @Test
  void everyUnitIsCleanThenARerunOverTheFirstRunsCachesIsCleanAndNoEmulatorIsLeft(
      @TempDir Path repo) {
    assertThat(Repo.root().resolve(KILL_SWITCH_JAR))
        .as(
            "the kill-switch unit deploys %s; build it first (mvn -B -DskipTests package)",
            KILL_SWITCH_JAR)
        .isRegularFile();
    Repo.copy(repo, "live", "modules", "toolchain.properties", KILL_SWITCH_JAR);
    Path local = repo.resolve("live/local");
    List<Path> trees = List.of(local, local.resolve("vpc"));

    for (int run = 1; run <= trees.size(); run++) {
      Path tree = trees.get(run - 1);
      List<String> units =
          UnitDiscovery.find(tree, List.of(), List.of()).stream().map(u -> u.name()).toList();
      assertThat(units).as("units under %s", tree).isNotEmpty();
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();

      int exit =
          PlatformCommand.run(
              new PrintWriter(out, true), new PrintWriter(err, true), "local", tree.toString());

      assertThat(exit).as("run %d exit code; stderr:%n%s", run, err).isZero();
      for (String unit : units) {
        assertThat(out.toString())
            .as("run %d", run)
            .containsPattern("(?m)^" + Pattern.quote(unit) + "\\s+clean\\s");
      }
      // The apply of the tree says each unit as Terragrunt finishes it, not only the table at the
      // end.
      for (String unit : run == 1 ? units : List.<String>of()) {
        assertThat(err.toString())
            .as("run %d", run)
            .containsPattern(
                "(?m)^apply: "
                    + Pattern.quote(unit)
                    + " done in \\d+ s \\(\\d+ added, \\d+ changed, \\d+ destroyed\\)$");
      }
      Matcher emulator = EMULATOR.matcher(err.toString());
      assertThat(emulator.find()).as("the run names its emulator").isTrue();
      long pid = Long.parseLong(emulator.group(2));
      URI url = URI.create(emulator.group(1));
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
          .as("moto pid %d after run %d", pid, run)
          .isNotEqualTo(Optional.of(true));
      assertThat(listening(url.getPort())).as("port %d after run %d", url.getPort(), run).isFalse();
    }
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return socket.isConnected();
    } catch (IOException e) {
      return false;
    }
  }
}
