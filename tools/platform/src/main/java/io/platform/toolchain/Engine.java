package io.platform.toolchain;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The program Terragrunt drives and the tools run for plans, state pushes and local copies:
 * Terraform or OpenTofu. Chosen by {@code PLATFORM_ENGINE} (or {@code --engine}); Terraform unless
 * told otherwise.
 */
public enum Engine {
  TERRAFORM("terraform", "Terraform", "terraform.version"),
  TOFU("tofu", "OpenTofu", "opentofu.version");

  /** The environment variable setup, the CLI, the live tree and the workflow read. */
  public static final String VARIABLE = "PLATFORM_ENGINE";

  private final String command;
  private final String productName;
  private final String pinKey;

  Engine(String command, String productName, String pinKey) {
    this.command = command;
    this.productName = productName;
    this.pinKey = pinKey;
  }

  /** The engine a name selects: {@code terraform} or {@code tofu}, in any case. */
  public static Engine named(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(engine -> engine.command.equals(wanted))
        .findFirst()
        .orElseThrow(() -> new UnknownEngineException(name));
  }

  /** The engine {@code PLATFORM_ENGINE} selects; Terraform when it is unset or empty. */
  public static Engine fromEnvironment(Function<String, String> env) {
    String name = env.apply(VARIABLE);
    return name == null || name.isBlank() ? TERRAFORM : named(name);
  }

  /** The program's name, which is also the value that selects it. */
  public String command() {
    return command;
  }

  /** How the engine names itself: Terraform, OpenTofu. */
  public String productName() {
    return productName;
  }

  /** Its version's key in toolchain.properties. */
  public String pinKey() {
    return pinKey;
  }

  /** The accepted names, for messages. */
  public static String choices() {
    return Arrays.stream(values()).map(Engine::command).collect(Collectors.joining(" or "));
  }

  /** A name that selects no engine: a usage error, not a missing tool. */
  public static final class UnknownEngineException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnknownEngineException(String name) {
      super("unknown engine '" + name + "': " + VARIABLE + " and --engine take " + choices());
    }
  }
}
