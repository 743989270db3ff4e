package io.platform.cli;

import io.platform.exec.ProcessRunner;
import io.platform.live.UnitGraph;
import io.platform.terraform.Terragrunt;
import io.platform.toolchain.Toolchain;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code platform graph}: the unit dependency graph of a tree. */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = "Prints the dependency graph of the units below DIR as Mermaid or Graphviz DOT.")
final class GraphCommand extends PlatformSubcommand {
  enum Format {
    mermaid,
    dot
  }

  @Parameters(index = "0", description = "A live tree or environment, e.g. live/prod.")
  Path root;

  @Option(names = "--format", description = "mermaid (default) or dot.")
  Format format = Format.mermaid;

  @Override
  protected int execute() {
    Terragrunt terragrunt = new Terragrunt(new ProcessRunner(), Toolchain.locate(), Map.of());
    UnitGraph graph = UnitGraph.fromFindJson(terragrunt.findDependencyOrder(root.toAbsolutePath().normalize()));
    out().print(format == Format.mermaid ? graph.mermaid() : graph.dot());
    out().flush();
    return 0;
  }
}
