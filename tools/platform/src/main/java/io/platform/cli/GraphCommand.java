package io.platform.cli;

import io.platform.exec.ProcessRunner;
import io.platform.live.Unit;
import io.platform.live.UnitDiscovery;
import io.platform.live.UnitGraph;
import io.platform.terraform.Terragrunt;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code platform graph}: the unit dependency graph of a tree. */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = "Prints the dependency graph of the units below DIR as Mermaid or Graphviz DOT.")
final class GraphCommand extends PlatformSubcommand {
  @Mixin EngineOption engineOption;

  enum Format {
    mermaid,
    dot
  }

  @Parameters(
      index = "0",
      paramLabel = "DIR",
      description = "A live tree or environment, e.g. live/prod.")
  Path root;

  @Option(names = "--format", paramLabel = "FORMAT", description = "mermaid (default) or dot.")
  Format format = Format.mermaid;

  @Override
  protected int execute() {
    Path dir = UnitDiscovery.treeDir(root);
    List<Unit> units = UnitDiscovery.find(dir, List.of(), List.of());
    if (units.isEmpty()) {
      throw new IllegalArgumentException("no units (terragrunt.hcl) under " + root);
    }
    Terragrunt terragrunt = new Terragrunt(new ProcessRunner(), engineOption.toolchain(), Map.of());
    UnitGraph graph = UnitGraph.fromFindJson(terragrunt.findDependencyOrder(dir));
    List<String> leftOut = graph.leftOut(dir, units);
    if (!leftOut.isEmpty()) {
      throw new IllegalStateException(
          "Terragrunt left units out of the graph, as it does for a dependency cycle: "
              + String.join(", ", leftOut));
    }
    out().print(format == Format.mermaid ? graph.mermaid() : graph.dot());
    out().flush();
    return 0;
  }
}
