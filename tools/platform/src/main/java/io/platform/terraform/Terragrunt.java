package io.platform.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import io.platform.exec.Command;
import io.platform.exec.CommandRunner;
import io.platform.exec.ExecResult;
import io.platform.toolchain.Engine;
import io.platform.toolchain.Toolchain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs Terragrunt (and through it Terraform or OpenTofu) with the pinned toolchain's environment.
 */
public final class Terragrunt {
  private final CommandRunner runner;
  private final Toolchain toolchain;
  private final Map<String, String> environment;
  private final Consumer<String> output;

  /**
   * @param environment added to every call on top of the toolchain's, e.g. the emulator's endpoint
   *     and credentials
   */
  public Terragrunt(CommandRunner runner, Toolchain toolchain, Map<String, String> environment) {
    this(runner, toolchain, environment, null);
  }

  private Terragrunt(
      CommandRunner runner,
      Toolchain toolchain,
      Map<String, String> environment,
      Consumer<String> output) {
    this.runner = runner;
    this.toolchain = toolchain;
    this.environment = Map.copyOf(environment);
    this.output = output;
  }

  /**
   * The same, handing every line the tools print to {@code output}, prefixed with the unit's folder
   * name.
   */
  public Terragrunt withOutput(Consumer<String> output) {
    return new Terragrunt(runner, toolchain, environment, output);
  }

  /** The engine Terragrunt runs. */
  public Engine engine() {
    return toolchain.engine();
  }

  /** The command for {@code terragrunt args...} in a directory, not yet run. */
  public Command command(Path dir, List<String> args) {
    Command command = toolchain.command(toolchain.terragrunt(), environment).withArgs(args).in(dir);
    String unit = String.valueOf(dir.getFileName());
    return output == null ? command : command.onLine(line -> output.accept(unit + ": " + line));
  }

  public ExecResult run(Path dir, Duration timeout, Consumer<String> progress, String... args) {
    return runner.run(command(dir, List.of(args)).withTimeout(timeout).onLine(progress));
  }

  /**
   * {@code terragrunt run --all -- <terraform args>} over every unit below {@code dir}, in
   * dependency order. Apply and destroy are approved automatically, as in CI.
   */
  public ExecResult runAll(
      Path dir, Duration timeout, Consumer<String> progress, String... tfArgs) {
    List<String> args = new ArrayList<>(List.of("run", "--all", "--non-interactive", "--"));
    args.addAll(List.of(tfArgs));
    return runner.run(command(dir, args).withTimeout(timeout).onLine(progress));
  }

  /** {@code terragrunt init -input=false args...}; the result whatever the exit code. */
  public ExecResult init(Path unitDir, Duration timeout, String... args) {
    List<String> all = new ArrayList<>(List.of("init", "-input=false"));
    all.addAll(List.of(args));
    return runner.run(command(unitDir, all).withTimeout(timeout));
  }

  /** The unit's fully evaluated configuration ({@code terragrunt render --format json}). */
  public JsonNode render(Path unitDir) {
    return ToolJson.parse(
        runner.run(
            command(unitDir, List.of("render", "--format", "json"))
                .withTimeout(Duration.ofMinutes(2))),
        "terragrunt render");
  }

  /** {@code terragrunt find --json --dag --dependencies}: the units below dir in run order. */
  public JsonNode findDependencyOrder(Path dir) {
    return ToolJson.parse(
        runner.run(
            command(dir, List.of("find", "--json", "--dag", "--dependencies"))
                .withTimeout(Duration.ofMinutes(5))),
        "terragrunt find");
  }

  /**
   * {@code terragrunt find --json --dag --dependencies --reading}: the units below dir in run
   * order, each with the files its configuration reads (relative to {@code dir}).
   */
  public JsonNode findReading(Path dir) {
    return ToolJson.parse(
        runner.run(
            command(dir, List.of("find", "--json", "--dag", "--dependencies", "--reading"))
                .withTimeout(Duration.ofMinutes(5))),
        "terragrunt find --reading");
  }

  /**
   * Plans the unit into {@code planFile}. The result is returned whatever the exit code: a failed
   * plan is a verdict for the caller, not an exception.
   */
  public ExecResult plan(Path unitDir, Path planFile, Duration timeout, List<String> extraArgs) {
    List<String> args = new ArrayList<>(List.of("plan", "-input=false", "-out=" + planFile));
    args.addAll(extraArgs);
    return runner.run(command(unitDir, args).withTimeout(timeout));
  }

  /** {@code terraform show -json} of a saved plan, read through the unit's Terragrunt config. */
  public JsonNode showPlanJson(Path unitDir, Path planFile, Duration timeout) {
    return ToolJson.parse(
        runner.run(
            command(unitDir, List.of("show", "--tf-forward-stdout", "-json", planFile.toString()))
                .withTimeout(timeout)),
        "terraform show -json");
  }

  /** The unit's root outputs as JSON ({@code terraform output -json}). */
  public JsonNode outputs(Path unitDir) {
    return ToolJson.parse(
        runner.run(
            command(unitDir, List.of("output", "--tf-forward-stdout", "-json"))
                .withTimeout(Duration.ofMinutes(5))),
        "terraform output -json");
  }
}
