package io.platform.migrate.apply;

import io.platform.exec.ExecException;
import io.platform.exec.ExecResult;
import io.platform.live.Unit;
import io.platform.migrate.storage.PrivateFiles;
import io.platform.terraform.InitGate;
import io.platform.terraform.Terragrunt;
import io.platform.verify.PlanClassifier;
import io.platform.verify.PlanSummary;
import io.platform.verify.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Writes a freshly sliced unit's root outputs into its state: plans the unit, and only when that
 * plan changes nothing but outputs, applies exactly that saved plan. Units that depend on this one
 * read those outputs.
 */
public final class Materializer {
  private final Terragrunt terragrunt;
  private final Duration timeout;
  private final InitGate inits;

  public Materializer(Terragrunt terragrunt, Duration timeout, InitGate inits) {
    this.terragrunt = terragrunt;
    this.timeout = timeout;
    this.inits = inits;
  }

  /** The verdict of the unit's plan; output-only plans are applied, anything else is left alone. */
  public PlanSummary materialize(Unit unit, Path scratch) {
    // Its own directory: the plan holds every attribute value, and units run side by side.
    Path dir = PrivateFiles.directory(scratch, "outputs-");
    Path plan = dir.resolve("outputs.tfplan");
    try {
      if (!InitGate.initialised(unit.dir(), terragrunt.engine())) {
        inits.init(unit.dir(), () -> terragrunt.init(unit.dir(), timeout)).requireSuccess();
      }
      ExecResult planned = terragrunt.plan(unit.dir(), plan, timeout, List.of("-lock-timeout=60s"));
      if (!planned.succeeded()) {
        throw new ExecException(planned);
      }
      PlanSummary summary =
          PlanClassifier.classify(terragrunt.showPlanJson(unit.dir(), plan, timeout));
      if (summary.verdict() == Verdict.OUTPUT_ONLY) {
        terragrunt
            .run(unit.dir(), timeout, null, "apply", "-input=false", plan.toString())
            .requireSuccess();
      }
      return summary;
    } finally {
      PrivateFiles.delete(dir);
    }
  }
}
