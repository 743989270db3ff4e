package io.platform.cli;

import io.platform.exec.ExecException;
import io.platform.exec.ProcessRunner;
import io.platform.live.Unit;
import io.platform.live.UnitDiscovery;
import io.platform.live.UnitGraph;
import io.platform.terraform.Terragrunt;
import io.platform.toolchain.Toolchain;
import io.platform.verify.Verifier;
import io.platform.verify.VerifyReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code platform verify}: prove every unit of a tree with a zero-diff plan. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Plans every unit below DIR and classifies each plan from its JSON: clean, output-only,",
      "drift-only, changes (counted per action) or error. Uses the AWS credentials and",
      "endpoints of the environment (for the emulator: eval \"$(platform emulator env)\")."
    })
final class VerifyCommand extends PlatformSubcommand {
  @Parameters(index = "0", description = "A live tree or environment, e.g. live/staging.")
  Path root;

  @Option(names = "--include", description = "Only units whose name matches this glob (repeatable).")
  List<String> includes = new ArrayList<>();

  @Option(names = "--exclude", description = "Skip units whose name matches this glob (repeatable).")
  List<String> excludes = new ArrayList<>();

  @Mixin VerifyOptions verifyOptions;

  /**
   * Dependencies first, so the report reads in apply order. A tree Terragrunt cannot order (a
   * broken unit) is still verified, in name order: that unit is then reported as an error.
   * Units Terragrunt leaves out of its order (a dependency cycle) are still verified, last.
   */
  private List<Unit> inDependencyOrder(Terragrunt terragrunt, Path dir, List<Unit> units) {
    try {
      UnitGraph graph = UnitGraph.fromFindJson(terragrunt.findDependencyOrder(dir));
      List<String> leftOut = graph.leftOut(dir, units);
      if (!leftOut.isEmpty()) {
        progress("verify: Terragrunt cannot order " + String.join(", ", leftOut) + " (a dependency cycle?); planned last");
      }
      return graph.ordered(units);
    } catch (ExecException e) {
      progress("verify: cannot order units by dependencies (" + e.getMessage() + "); using name order");
      return units;
    }
  }

  @Override
  protected int execute() {
    Path dir = UnitDiscovery.treeDir(root);
    List<Unit> units = UnitDiscovery.find(dir, includes, excludes);
    if (units.isEmpty()) {
      throw new IllegalArgumentException("no units (terragrunt.hcl) under " + root + " match the filters");
    }
    Terragrunt terragrunt = new Terragrunt(new ProcessRunner(), Toolchain.locate(), Map.of());
    units = inDependencyOrder(terragrunt, dir, units);
    progress("verify: " + units.size() + " units, " + verifyOptions.parallelism + " at a time");
    VerifyReport report =
        new Verifier(terragrunt, verifyOptions.toVerifierOptions(), ProgressPrinter.forConsole(this::progress, err()))
            .verify(dir, units);
    return verifyOptions.finish(report, out());
  }
}
