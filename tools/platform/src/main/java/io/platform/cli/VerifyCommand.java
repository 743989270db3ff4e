package io.platform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.platform.exec.ExecException;
import io.platform.exec.ProcessRunner;
import io.platform.live.Unit;
import io.platform.live.UnitDiscovery;
import io.platform.live.UnitGraph;
import io.platform.select.AffectedUnits;
import io.platform.select.ChangedFiles;
import io.platform.select.ModuleCalls;
import io.platform.select.Shard;
import io.platform.terraform.ConfigInspect;
import io.platform.terraform.Terraform;
import io.platform.terraform.Terragrunt;
import io.platform.text.Count;
import io.platform.toolchain.EngineRelease;
import io.platform.toolchain.Toolchain;
import io.platform.verify.Scope;
import io.platform.verify.Verifier;
import io.platform.verify.VerifyReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code platform verify}: prove every unit of a tree with a zero-diff plan. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Proves the units below DIR with a zero-diff plan each.",
      "Plans every unit (or those a change affects, or one share of them) and classifies each plan from its JSON:"
          + " clean, output-only, drift-only, changes (counted per action) or error. Uses the AWS credentials and"
          + " endpoints of the environment (for the emulator: eval \"$(platform emulator env)\")."
    })
final class VerifyCommand extends PlatformSubcommand {
  @Mixin EngineOption engineOption;

  /**
   * What --affected compares with unless --base says otherwise, as Terragrunt's --filter-affected.
   */
  static final String DEFAULT_BASE = "main";

  @Parameters(
      index = "0",
      paramLabel = "DIR",
      description = "A live tree or environment, e.g. live/staging.")
  Path root;

  @Option(
      names = "--include",
      paramLabel = "GLOB",
      description = "Only units whose name matches this glob (repeatable).")
  List<String> includes = new ArrayList<>();

  @Option(
      names = "--exclude",
      paramLabel = "GLOB",
      description = "Skip units whose name matches this glob (repeatable).")
  List<String> excludes = new ArrayList<>();

  @Option(
      names = "--affected",
      description =
          "Only the units the change since --base affects (docs/verify.md, \"Only what a change affects\").")
  boolean affected;

  @Option(
      names = "--base",
      paramLabel = "REF",
      description = "What --affected compares with: a branch, tag or commit (default: main).")
  String base;

  @Option(
      names = "--shard",
      paramLabel = "K/N",
      converter = ShardConverter.class,
      description = "Only share K of N of the selected units, balanced by --timings or by count.")
  Shard shard;

  @Option(
      names = "--timings",
      paramLabel = "FILE",
      description = "A JSON report of an earlier run: its unit times balance --shard.")
  Path timings;

  @Mixin VerifyOptions verifyOptions;

  /**
   * Dependencies first, so the report reads in apply order. A tree Terragrunt cannot order (a
   * broken unit) is still verified, in name order: that unit is then reported as an error. Units
   * Terragrunt leaves out of its order (a dependency cycle) are still verified, last.
   */
  private List<Unit> inDependencyOrder(JsonNode found, Path dir, List<Unit> units) {
    if (found == null) {
      return units;
    }
    UnitGraph graph = UnitGraph.fromFindJson(found);
    List<String> leftOut = graph.leftOut(dir, units);
    if (!leftOut.isEmpty()) {
      progress(
          "verify: Terragrunt cannot order "
              + String.join(", ", leftOut)
              + " (a dependency cycle?); planned last");
    }
    return graph.ordered(units);
  }

  /**
   * The tree as Terragrunt sees it, in one call: the order, the dependencies and what each unit
   * reads. Null when Terragrunt cannot read the tree and no unit needs selecting.
   */
  private JsonNode find(Terragrunt terragrunt, Path dir) {
    try {
      return terragrunt.findReading(dir);
    } catch (ExecException e) {
      if (affected) {
        throw e;
      }
      progress(
          "verify: cannot order units by dependencies (" + e.getMessage() + "); using name order");
      return null;
    }
  }

  @Override
  protected int execute() {
    if (base != null && !affected) {
      throw new ParameterException(spec.commandLine(), "--base needs --affected");
    }
    if (timings != null && shard == null) {
      throw new ParameterException(spec.commandLine(), "--timings needs --shard");
    }
    Path dir = UnitDiscovery.treeDir(root);
    List<Unit> units = UnitDiscovery.find(dir, includes, excludes);
    if (units.isEmpty()) {
      throw new IllegalArgumentException(
          "no units (terragrunt.hcl) under " + root + " match the filters");
    }
    Map<String, Long> unitMillis = timings == null ? Map.of() : UnitTimings.read(timings);
    ChangedFiles change = affected ? change(dir) : null;
    requireEndpointAnswering();
    Toolchain toolchain = engineOption.toolchain();
    EngineRelease engine = new Terraform(new ProcessRunner(), toolchain, Map.of()).release();
    Terragrunt terragrunt = new Terragrunt(new ProcessRunner(), toolchain, Map.of());
    if (verbose) {
      terragrunt = terragrunt.withOutput(this::toolOutput);
    }
    JsonNode found = find(terragrunt, dir);
    Scope scope = Scope.everyUnit(units.size());
    if (affected) {
      Scope selection =
          AffectedUnits.select(
              dir,
              found,
              units,
              change,
              new ModuleCalls(new ConfigInspect(new ProcessRunner(), toolchain)));
      units = units.stream().filter(u -> selection.reasons().containsKey(u.name())).toList();
      scope = selection;
      progress("verify: " + scope.headline(units.size()));
      scope.reasons().forEach((unit, reason) -> progress("  " + unit + ": " + reason));
    }
    if (!units.isEmpty()) {
      units = inDependencyOrder(found, dir, units);
    }
    if (shard != null) {
      units = shard.of(units, unitMillis);
      scope =
          scope.share(shard.toString(), units.stream().map(Unit::name).collect(Collectors.toSet()));
    }
    if (units.isEmpty()) {
      progress("verify: nothing to verify (" + scope.headline(0) + ")");
      return verifyOptions.finish(
          new VerifyReport(dir, List.of(), Duration.ZERO, scope, engine), out(), err());
    }
    progress(
        "verify: "
            + Count.of(units.size(), "unit")
            + ", "
            + verifyOptions.parallelism
            + " at a time, with "
            + engine);
    VerifyReport report =
        new Verifier(
                terragrunt,
                verifyOptions.toVerifierOptions(),
                ProgressPrinter.forConsole(this::progress, err()))
            .verify(dir, units);
    return verifyOptions.finish(report.withScope(scope).withEngine(engine), out(), err());
  }

  /** The change --affected selects by; a --base that names no commit is a bad command line. */
  private ChangedFiles change(Path dir) {
    try {
      return ChangedFiles.since(base == null ? DEFAULT_BASE : base, dir, new ProcessRunner());
    } catch (ChangedFiles.UnknownBaseException e) {
      if (e.environment()) {
        throw e;
      }
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
