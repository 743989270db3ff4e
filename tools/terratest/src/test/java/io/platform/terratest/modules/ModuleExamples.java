package io.platform.terratest.modules;

import io.platform.terratest.Repo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A module's example, copied out of the clone together with the emulator override that {@code
 * live/local} applies to the same module (docs/emulator-gaps.md), so that the test meets the module
 * exactly as the local environment does.
 */
final class ModuleExamples {
  static final String EMULATOR_OVERRIDE = "emulator_override.tf";

  private ModuleExamples() {}

  /**
   * Copies {@code modules/} into {@code temp} and returns {@code
   * modules/<module>/examples/complete}.
   */
  static Path complete(Path temp, String module) {
    Repo.copy(temp, "modules");
    Path moduleDir = temp.resolve("modules").resolve(module);
    Path override = Repo.root().resolve("live/local").resolve(module).resolve(EMULATOR_OVERRIDE);
    if (Files.exists(override)) {
      try {
        Files.copy(override, moduleDir.resolve(EMULATOR_OVERRIDE));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot copy " + override, e);
      }
    }
    return moduleDir.resolve("examples/complete");
  }
}
