package io.platform.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.platform.exec.Command;
import io.platform.exec.CommandRunner;
import io.platform.toolchain.Toolchain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A module's interface as {@code terraform-config-inspect --json} reads it: variables, outputs,
 * resources, module calls with their sources and positions. Terraform's own parser, not ours.
 */
public final class ConfigInspect {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CommandRunner runner;
  private final Path binary;

  /** The terraform-config-inspect that setup installed. */
  public ConfigInspect(CommandRunner runner, Toolchain toolchain) {
    this.runner = runner;
    this.binary = toolchain.tool("terraform-config-inspect");
  }

  public JsonNode read(Path module) {
    String json =
        runner
            .run(Command.of(binary.toString(), "--json", module.toString()))
            .requireSuccess()
            .stdout();
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the configuration of " + module, e);
    }
  }
}
