package io.platform.terratest.ci;

import static org.assertj.core.api.Assertions.assertThat;

import io.platform.exec.Command;
import io.platform.exec.ExecResult;
import io.platform.exec.ProcessRunner;
import io.platform.terratest.Repo;
import io.platform.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/setup.sh} rerun from the shell it set up (env.sh sourced: the cache's own bin
 * first on PATH), three times, then the lint step: every tool still resolves to a program outside
 * the cache's bin, none to its own link. On a copy of the suite's cache (hard links, without the
 * files setup writes), so that the cache the other tests read is never rewritten.
 */
class SetupRerunIT {
  private static final String RERUNS =
      """
      set -euo pipefail
      cp -al "${SOURCE_CACHE}" "${PLATFORM_CACHE_DIR}"
      rm -rf "${PLATFORM_CACHE_DIR}/bin" "${PLATFORM_CACHE_DIR}/env.sh" "${PLATFORM_CACHE_DIR}/terraformrc"
      scripts/setup.sh
      source "${PLATFORM_CACHE_DIR}/env.sh"
      for run in 1 2 3; do scripts/setup.sh; done
      scripts/lint.sh staging
      """;

  @Test
  void everyToolStillResolvesAfterThreeRerunsFromTheShellSetupWrote(@TempDir Path dir)
      throws IOException {
    Path cache = dir.resolve("cache");
    ExecResult run =
        new ProcessRunner()
            .run(
                Command.of("bash", "-c", RERUNS)
                    .in(Repo.root())
                    .withEnvironment(
                        Map.of(
                            "SOURCE_CACHE",
                            Toolchain.locate().binDir().getParent().toString(),
                            "PLATFORM_CACHE_DIR",
                            cache.toString()))
                    .withTimeout(Duration.ofMinutes(10)));

    assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
    Path bin = cache.resolve("bin");
    // setup logs each link it makes as "NAME -> TARGET": none may point into its own bin.
    assertThat(run.stderr().lines().filter(line -> line.contains(" -> " + bin + "/"))).isEmpty();
    List<Path> tools;
    try (Stream<Path> entries = Files.list(bin)) {
      tools = entries.sorted().toList();
    }
    assertThat(tools)
        .extracting(tool -> tool.getFileName().toString())
        .contains(
            "terraform",
            "tofu",
            "terragrunt",
            "moto_server",
            "checkov",
            "shellcheck",
            "tflint",
            "actionlint");
    for (Path tool : tools) {
      Path target = tool.toRealPath();
      assertThat(Files.isExecutable(target)).as(tool + " -> " + target).isTrue();
      if (Files.isSymbolicLink(tool)) {
        assertThat(target.getParent()).as(tool + " -> " + target).isNotEqualTo(bin.toRealPath());
      }
    }
  }
}
