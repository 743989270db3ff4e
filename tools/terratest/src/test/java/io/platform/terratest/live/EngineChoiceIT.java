package io.platform.terratest.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.platform.exec.Command;
import io.platform.exec.ExecResult;
import io.platform.exec.ProcessRunner;
import io.platform.terratest.PlatformCli;
import io.platform.terratest.Repo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine switch given bad input, as a user meets it: a name that is no engine, an engine that
 * is not installed, a state written by a newer engine than the one in use. Each is one clear line
 * and an exit code, and nothing is written.
 */
class EngineChoiceIT {
  private static final String MONOLITH =
      """
      {"version": 4, "terraform_version": "%s", "serial": 3, "lineage": "mono", "outputs": {},
       "resources": [{"module": "module.vpc", "mode": "managed", "type": "terraform_data", "name": "this",
         "provider": "provider[\\"terraform.io/builtin/terraform\\"]",
         "instances": [{"schema_version": 0, "attributes": {"id": "a"}}]}]}
      """;

  @TempDir Path work;

  private static String firstLine(String text) {
    return text.lines().findFirst().orElse("");
  }

  private Path monolith(String writtenBy) throws IOException {
    Path state = work.resolve("mono.tfstate");
    Files.writeString(state, MONOLITH.formatted(writtenBy), StandardCharsets.UTF_8);
    return state;
  }

  @Test
  void aNameThatIsNoEngineIsABadCommandLineWhereverItIsGiven() throws IOException {
    monolith("1.11.4");
    ExecResult fromEnvironment =
        new PlatformCli(work, Map.of("PLATFORM_ENGINE", "foo"))
            .run(
                "migrate",
                "plan",
                "--source",
                "mono.tfstate",
                "--to-dir",
                "units",
                "--prefix",
                "module.*");
    ExecResult fromOption =
        new PlatformCli(work, Map.of()).run("verify", "live", "--engine", "foo");

    assertThat(fromEnvironment.exitCode()).isEqualTo(64);
    assertThat(firstLine(fromEnvironment.stderr()))
        .isEqualTo(
            "error: unknown engine 'foo': PLATFORM_ENGINE and --engine take terraform or tofu");
    assertThat(fromOption.exitCode()).isEqualTo(64);
    assertThat(fromOption.stderr()).contains("'foo' is not an engine: terraform or tofu");
    assertThat(work.resolve("units")).doesNotExist();
    assertThat(work.resolve("migration-plan.json")).doesNotExist();
  }

  @Test
  void setupRefusesANameThatIsNoEngineBeforeInstallingAnything() {
    Path cache = work.resolve("cache");
    ExecResult setup =
        new ProcessRunner()
            .run(
                Command.of(Repo.root().resolve("scripts/setup.sh").toString())
                    .withEnvironment(
                        Map.of(
                            "PLATFORM_ENGINE", "opentofu", "PLATFORM_CACHE_DIR", cache.toString()))
                    .withTimeout(Duration.ofMinutes(1)));

    assertThat(setup.exitCode()).isEqualTo(1);
    assertThat(firstLine(setup.stderr()))
        .isEqualTo("error: PLATFORM_ENGINE must be terraform or tofu, not 'opentofu'");
    assertThat(cache).doesNotExist();
  }

  @Test
  void anEngineThatIsNotInstalledSaysHowToInstallIt() throws IOException {
    monolith("1.11.4");
    Path cache = Files.createDirectories(work.resolve("cache"));
    Files.writeString(cache.resolve("terraformrc"), "");
    ExecResult plan =
        new PlatformCli(
                work, Map.of("PLATFORM_CACHE_DIR", cache.toString(), "PATH", "/usr/bin:/bin"))
            .run(
                "migrate",
                "plan",
                "--engine",
                "tofu",
                "--source",
                "mono.tfstate",
                "--to-dir",
                "units",
                "--prefix",
                "module.*");

    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(firstLine(plan.stderr()))
        .startsWith("error: tofu not found in " + cache.resolve("bin"))
        .endsWith("run PLATFORM_ENGINE=tofu scripts/setup.sh first");
    assertThat(work.resolve("units")).doesNotExist();
    assertThat(work.resolve("migration-plan.json")).doesNotExist();
  }

  @Test
  void aStateANewerEngineWroteIsRefusedBeforeAnythingIsWritten() throws IOException {
    Path state = monolith("1.99.0");
    byte[] before = Files.readAllBytes(state);
    ExecResult plan =
        new PlatformCli(work, Map.of("PLATFORM_ENGINE", "terraform"))
            .run(
                "migrate",
                "plan",
                "--source",
                "mono.tfstate",
                "--to-dir",
                "units",
                "--prefix",
                "module.*");

    assertThat(plan.exitCode()).as(plan.stderr()).isEqualTo(1);
    assertThat(plan.stderr())
        .contains(
            "mono.tfstate was written by version 1.99.0, newer than Terraform 1.11.4 in use, which cannot read it");
    assertThat(work.resolve("units")).doesNotExist();
    assertThat(work.resolve("migration-plan.json")).doesNotExist();
    assertThat(Files.readAllBytes(state)).isEqualTo(before);
  }
}
