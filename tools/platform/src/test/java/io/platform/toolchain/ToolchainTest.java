package io.platform.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolchainTest {
  @TempDir Path cache;

  private static void executable(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** What setup leaves in the cache: the three tools and the CLI configuration. */
  private void installed() throws IOException {
    for (String tool : new String[] {"terraform", "tofu", "terragrunt", "moto_server"}) {
      executable(cache.resolve("bin").resolve(tool));
    }
    Files.writeString(cache.resolve("terraformrc"), "");
  }

  @Test
  void usesTheSetupCacheAndItsCliConfig() throws IOException {
    installed();
    Map<String, String> env = Map.of("PLATFORM_CACHE_DIR", cache.toString(), "PATH", "/usr/bin");

    Toolchain toolchain = Toolchain.locate(env::get);

    assertThat(toolchain.terragrunt()).isEqualTo(cache.resolve("bin/terragrunt"));
    assertThat(toolchain.environment())
        .containsEntry("TF_CLI_CONFIG_FILE", cache.resolve("terraformrc").toString())
        .containsEntry("TG_TF_PATH", cache.resolve("bin/terraform").toString())
        .containsEntry("TF_INPUT", "0")
        .containsEntry("GOGC", "400")
        .containsEntry("TG_DEPENDENCY_FETCH_OUTPUT_FROM_STATE", "true");
  }

  @Test
  void theCallersOwnGogcAndDependencyOutputSourceWin() throws IOException {
    installed();
    Map<String, String> env =
        Map.of(
            "PLATFORM_CACHE_DIR",
            cache.toString(),
            "PATH",
            "/usr/bin",
            "GOGC",
            "100",
            "TG_DEPENDENCY_FETCH_OUTPUT_FROM_STATE",
            "false");

    assertThat(Toolchain.locate(env::get).environment())
        .containsEntry("GOGC", "100")
        .containsEntry("TG_DEPENDENCY_FETCH_OUTPUT_FROM_STATE", "false");
  }

  @Test
  void platformEngineTofuMakesTerragruntRunOpenTofu() throws IOException {
    installed();
    Map<String, String> env =
        Map.of(
            "PLATFORM_CACHE_DIR", cache.toString(), "PATH", "/usr/bin", "PLATFORM_ENGINE", "tofu");

    Toolchain toolchain = Toolchain.locate(env::get);

    assertThat(toolchain.engine()).isEqualTo(Engine.TOFU);
    assertThat(toolchain.engineProgram()).isEqualTo(cache.resolve("bin/tofu"));
    assertThat(toolchain.environment())
        .containsEntry("TG_TF_PATH", cache.resolve("bin/tofu").toString());
  }

  @Test
  void aMissingOpenTofuSaysHowSetupInstallsIt() throws IOException {
    Files.writeString(cache.resolve("terraformrc"), "");
    Map<String, String> env =
        Map.of("PLATFORM_CACHE_DIR", cache.toString(), "PATH", "", "PLATFORM_ENGINE", "tofu");

    assertThatThrownBy(() -> Toolchain.locate(env::get))
        .isInstanceOf(ToolchainException.class)
        .hasMessageStartingWith("tofu not found in " + cache.resolve("bin"))
        .hasMessageEndingWith("run PLATFORM_ENGINE=tofu scripts/setup.sh first");
  }

  @Test
  void withoutSetupTheErrorSaysWhatToRun() {
    Map<String, String> env = Map.of("PLATFORM_CACHE_DIR", cache.toString(), "PATH", "");

    assertThatThrownBy(() -> Toolchain.locate(env::get))
        .isInstanceOf(ToolchainException.class)
        .hasMessageContaining("run scripts/setup.sh");
  }

  @Test
  void cacheDirectoryFollowsXdgThenHome() {
    assertThat(Toolchain.cacheDir(Map.of("XDG_CACHE_HOME", "/x", "HOME", "/h")::get))
        .isEqualTo(Path.of("/x/platform"));
    assertThat(Toolchain.cacheDir(Map.of("HOME", "/h")::get))
        .isEqualTo(Path.of("/h/.cache/platform"));
  }
}
