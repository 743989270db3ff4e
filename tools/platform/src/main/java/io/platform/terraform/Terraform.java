package io.platform.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import io.platform.exec.Command;
import io.platform.exec.CommandRunner;
import io.platform.exec.ExecResult;
import io.platform.toolchain.EngineRelease;
import io.platform.toolchain.Toolchain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs the engine itself, Terraform or OpenTofu (no Terragrunt), with the pinned toolchain's
 * environment.
 */
public final class Terraform {
  private final CommandRunner runner;
  private final Toolchain toolchain;
  private final Map<String, String> environment;

  /**
   * @param environment added to every call on top of the toolchain's, e.g. the emulator's endpoint
   *     and credentials, or TF_VAR_ inputs
   */
  public Terraform(CommandRunner runner, Toolchain toolchain, Map<String, String> environment) {
    this.runner = runner;
    this.toolchain = toolchain;
    this.environment = Map.copyOf(environment);
  }

  public Command command(Path dir, List<String> args) {
    return toolchain.command(toolchain.engineProgram(), environment).withArgs(args).in(dir);
  }

  /** Runs {@code terraform args...} (or {@code tofu}); a non-zero exit is returned, not thrown. */
  public ExecResult run(Path dir, Duration timeout, String... args) {
    return runner.run(command(dir, List.of(args)).withTimeout(timeout));
  }

  /** Runs a command that prints JSON (e.g. {@code show -json}, {@code output -json}). */
  public JsonNode json(Path dir, Duration timeout, String... args) {
    return ToolJson.parse(
        run(dir, timeout, args), toolchain.engine().command() + " " + String.join(" ", args));
  }

  /** The engine and the version it reports ({@code version -json}, which both engines give). */
  public EngineRelease release() {
    JsonNode version = json(Path.of("."), Duration.ofMinutes(1), "version", "-json");
    return new EngineRelease(toolchain.engine(), version.path("terraform_version").asText(""));
  }
}
