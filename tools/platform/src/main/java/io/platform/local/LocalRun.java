package io.platform.local;

import io.platform.aws.AwsClients;
import io.platform.backend.BackendBootstrapper;
import io.platform.backend.BackendDiscovery;
import io.platform.backend.BackendSpec;
import io.platform.backend.BootstrapStep;
import io.platform.emulator.MotoServer;
import io.platform.exec.CommandRunner;
import io.platform.exec.ExecResult;
import io.platform.live.Unit;
import io.platform.live.UnitDiscovery;
import io.platform.live.UnitGraph;
import io.platform.terraform.Terraform;
import io.platform.terraform.Terragrunt;
import io.platform.text.Count;
import io.platform.toolchain.EngineRelease;
import io.platform.toolchain.Toolchain;
import io.platform.verify.Verifier;
import io.platform.verify.VerifyListener;
import io.platform.verify.VerifyReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The main job on the embedded emulator: start moto, bootstrap the state backend, apply every unit
 * of the live tree, prove each with a zero-diff plan, stop moto.
 */
public final class LocalRun {

  /**
   * @param liveDir the environment to run, e.g. {@code live/local}
   * @param region the emulator's region (the environment's region)
   */
  public record Options(
      Path liveDir, String region, Duration applyTimeout, Verifier.Options verify) {}

  private final Toolchain toolchain;
  private final CommandRunner runner;
  private final Consumer<String> progress;
  private final Consumer<String> toolOutput;

  /**
   * @param progress hears one line per step
   * @param toolOutput hears Terragrunt's own output lines during apply
   */
  public LocalRun(
      Toolchain toolchain,
      CommandRunner runner,
      Consumer<String> progress,
      Consumer<String> toolOutput) {
    this.toolchain = toolchain;
    this.runner = runner;
    this.progress = progress;
    this.toolOutput = toolOutput;
  }

  public VerifyReport run(Options options, VerifyListener listener) {
    List<Unit> units = UnitDiscovery.find(options.liveDir(), List.of(), List.of());
    if (units.isEmpty()) {
      throw new IllegalArgumentException("no units (terragrunt.hcl) under " + options.liveDir());
    }
    EngineRelease engine = new Terraform(runner, toolchain, Map.of()).release();
    progress.accept("engine: " + engine + " (" + toolchain.engineProgram() + ")");
    try (MotoServer moto = MotoServer.start(toolchain.motoServer(), options.region())) {
      progress.accept(
          "emulator: moto server at "
              + moto.endpoint().url()
              + " (pid "
              + moto.pid().getAsLong()
              + ")");
      Terragrunt terragrunt = new Terragrunt(runner, toolchain, moto.endpoint().environment());

      BackendBootstrapper bootstrapper =
          new BackendBootstrapper(
              AwsClients.staticCredentials(
                  moto.endpoint().accessKeyId(), moto.endpoint().secretAccessKey()),
              moto.endpoint().url());
      for (BackendSpec backend : BackendDiscovery.of(terragrunt, units)) {
        for (BootstrapStep step : bootstrapper.bootstrap(backend)) {
          progress.accept(
              "bootstrap: " + step.resource() + " " + step.setting() + ": " + step.outcome());
        }
      }

      progress.accept("apply: terragrunt run --all apply (" + Count.of(units.size(), "unit") + ")");
      ExecResult apply =
          terragrunt.runAll(
              options.liveDir(),
              options.applyTimeout(),
              new ApplyProgress(progress, toolOutput, System::nanoTime),
              "apply",
              "-input=false",
              "-auto-approve");
      apply.requireSuccess();

      progress.accept("verify: planning every unit against what was applied");
      List<Unit> ordered =
          UnitGraph.fromFindJson(terragrunt.findDependencyOrder(options.liveDir())).ordered(units);
      return new Verifier(terragrunt, options.verify(), listener)
          .verify(options.liveDir(), ordered)
          .withEngine(engine);
    }
  }
}
