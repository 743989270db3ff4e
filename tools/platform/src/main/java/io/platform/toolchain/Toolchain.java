package io.platform.toolchain;

import io.platform.exec.Command;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The pinned tools installed by {@code scripts/setup.sh}: where they are and the environment every
 * engine or Terragrunt call gets (generated CLI config, no update checks, no prompts).
 *
 * @param engine the engine {@code PLATFORM_ENGINE} chose
 * @param engineProgram its program, {@code terraform} or {@code tofu}
 */
public record Toolchain(
    Engine engine,
    Path engineProgram,
    Path terragrunt,
    Path motoServer,
    Path cliConfig,
    Path binDir,
    Function<String, String> env) {

  /** Locates the toolchain from the process environment. */
  public static Toolchain locate() {
    return locate(System::getenv);
  }

  /**
   * Locates the toolchain: the setup cache's bin directory first, then PATH. Fails with the command
   * that fixes it when setup has not run, and with {@link Engine.UnknownEngineException} when
   * {@code PLATFORM_ENGINE} names no engine.
   */
  public static Toolchain locate(Function<String, String> env) {
    Engine engine = Engine.fromEnvironment(env);
    Path cache = cacheDir(env);
    Path bin = cache.resolve("bin");
    Path cliConfig =
        Optional.ofNullable(env.apply("TF_CLI_CONFIG_FILE"))
            .map(Path::of)
            .filter(Files::isRegularFile)
            .orElse(cache.resolve("terraformrc"));
    if (!Files.isRegularFile(cliConfig)) {
      throw new ToolchainException(
          "no Terraform CLI configuration at " + cliConfig + "; run scripts/setup.sh first");
    }
    return new Toolchain(
        engine,
        find(engine.command(), bin, env),
        find("terragrunt", bin, env),
        find("moto_server", bin, env),
        cliConfig,
        bin,
        env);
  }

  /** Another tool setup installs (the quality tools), looked up the same way. */
  public Path tool(String name) {
    return find(name, binDir, env);
  }

  /** The Go collector's heap growth target for the tools unless the caller sets its own. */
  static final String GOGC = "400";

  /** Terragrunt's switch for reading a dependency's outputs from its S3 state object. */
  static final String FETCH_OUTPUTS_FROM_STATE = "TG_DEPENDENCY_FETCH_OUTPUT_FROM_STATE";

  /** Environment for every Terraform and Terragrunt process. */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("TF_CLI_CONFIG_FILE", cliConfig.toString());
    env.put("TG_TF_PATH", engineProgram.toString());
    // The live tree keeps each engine's working copies apart (root.hcl's download_dir).
    env.put(Engine.VARIABLE, engine.command());
    env.put("TF_IN_AUTOMATION", "1");
    env.put("TF_INPUT", "0");
    env.put("CHECKPOINT_DISABLE", "1");
    env.put("TG_NON_INTERACTIVE", "true");
    env.put("TG_NO_COLOR", "true");
    env.put("NO_COLOR", "1");
    // Terraform and the AWS provider are Go programs that spend a third of a plan's CPU in the
    // collector while they build the provider's schema; a larger heap target (some 10 % more
    // memory per process) buys that back. A GOGC of the caller's own wins.
    env.put("GOGC", callersOwn("GOGC", GOGC));
    // Otherwise Terragrunt reads each dependency's outputs with a `terraform init` and a
    // `terraform output` in a scratch directory, in every command of every unit that has one:
    // a fifth of the Terraform CPU of a migration. From its S3 state object it is one GET
    // (other backends keep the old way; a missing state still falls back to the mocks).
    env.put(FETCH_OUTPUTS_FROM_STATE, callersOwn(FETCH_OUTPUTS_FROM_STATE, "true"));
    return env;
  }

  private String callersOwn(String name, String otherwise) {
    return Optional.ofNullable(env.apply(name)).orElse(otherwise);
  }

  /** A command running one of these tools with {@link #environment()} plus {@code extra}. */
  public Command command(Path program, Map<String, String> extra) {
    Map<String, String> env = new LinkedHashMap<>(environment());
    env.putAll(extra);
    return Command.of(program.toString()).withEnvironment(env);
  }

  static Path cacheDir(Function<String, String> env) {
    String explicit = env.apply("PLATFORM_CACHE_DIR");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = env.apply("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(env.apply("HOME"), ".cache");
    return base.resolve("platform");
  }

  private static Path find(String tool, Path bin, Function<String, String> env) {
    Path cached = bin.resolve(tool);
    if (Files.isExecutable(cached)) {
      return cached;
    }
    String path = Optional.ofNullable(env.apply("PATH")).orElse("");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return Path.of(dir, tool);
      }
    }
    String setup =
        tool.equals(Engine.TOFU.command())
            ? Engine.VARIABLE + "=tofu scripts/setup.sh"
            : "scripts/setup.sh";
    throw new ToolchainException(
        tool + " not found in " + bin + " or on PATH; run " + setup + " first");
  }
}
