package io.platform.toolchain;

import java.nio.file.Path;

/** A toolchain whose programs are bare names, for tests whose command runner is a fake. */
public final class ToolsByName {
  /** Terraform as the engine; no pinned versions. */
  public static final Toolchain TERRAFORM =
      new Toolchain(
          Engine.TERRAFORM,
          Path.of("terraform"),
          Path.of("terragrunt"),
          Path.of("moto_server"),
          Path.of("rc"),
          Path.of("bin"),
          k -> null);

  private ToolsByName() {}
}
