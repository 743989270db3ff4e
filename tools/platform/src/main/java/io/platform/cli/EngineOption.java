package io.platform.cli;

import io.platform.toolchain.Engine;
import io.platform.toolchain.Toolchain;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --engine}, for the commands that run Terraform or OpenTofu; PLATFORM_ENGINE otherwise. */
final class EngineOption {
  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      converter = EngineConverter.class,
      description =
          "terraform or tofu: the engine Terragrunt and the tools run (default: $PLATFORM_ENGINE, else terraform).")
  Engine engine;

  /** The toolchain of the chosen engine; --engine wins over PLATFORM_ENGINE. */
  Toolchain toolchain() {
    Function<String, String> env = System::getenv;
    if (engine != null) {
      env = name -> name.equals(Engine.VARIABLE) ? engine.command() : System.getenv(name);
    }
    return Toolchain.locate(env);
  }

  static final class EngineConverter implements ITypeConverter<Engine> {
    @Override
    public Engine convert(String value) {
      try {
        return Engine.named(value);
      } catch (Engine.UnknownEngineException e) {
        throw new TypeConversionException("'" + value + "' is not an engine: " + Engine.choices());
      }
    }
  }
}
