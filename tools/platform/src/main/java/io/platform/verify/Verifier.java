package io.platform.verify;

import io.platform.exec.ErrorLines;
import io.platform.exec.ExecException;
import io.platform.exec.ExecResult;
import io.platform.live.Unit;
import io.platform.terraform.InitGate;
import io.platform.terraform.Terragrunt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plans every unit and classifies the plan JSON. Units run in parallel; inits go through an {@link
 * InitGate}.
 */
public final class Verifier {

  /**
   * @param parallelism units planned at the same time
   * @param unitTimeout limit for init, plan and show of one unit together
   * @param lockTimeout how long Terraform waits for a held state lock before failing
   */
  public record Options(int parallelism, Duration unitTimeout, Duration lockTimeout) {
    public Options {
      if (parallelism < 1) {
        throw new IllegalArgumentException("parallelism must be at least 1");
      }
    }
  }

  private final Terragrunt terragrunt;
  private final Options options;
  private final VerifyListener listener;
  private final InitGate inits;

  public Verifier(Terragrunt terragrunt, Options options, VerifyListener listener) {
    this(terragrunt, options, listener, new InitGate());
  }

  /**
   * @param inits shared with whatever else initialises the same units meanwhile
   */
  public Verifier(Terragrunt terragrunt, Options options, VerifyListener listener, InitGate inits) {
    this.terragrunt = terragrunt;
    this.options = options;
    this.listener = listener;
    this.inits = inits;
  }

  public VerifyReport verify(Path root, List<Unit> units) {
    long started = System.nanoTime();
    Path plans = createPrivateTempDir();
    ExecutorService pool = Executors.newFixedThreadPool(options.parallelism());
    AtomicInteger done = new AtomicInteger();
    try {
      List<Future<UnitResult>> futures = new ArrayList<>();
      for (int i = 0; i < units.size(); i++) {
        Unit unit = units.get(i);
        // Numbered, not named: names as net/a and net_a would share one file while planned
        // together.
        Path planFile = plans.resolve(i + ".tfplan");
        futures.add(
            pool.submit(
                () -> {
                  listener.started(unit, units.size());
                  UnitResult result = verifyUnit(unit, planFile);
                  listener.finished(result, done.incrementAndGet(), units.size());
                  return result;
                }));
      }
      List<UnitResult> results = new ArrayList<>();
      for (Future<UnitResult> future : futures) {
        results.add(future.get());
      }
      return new VerifyReport(root, results, Duration.ofNanos(System.nanoTime() - started));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("verification interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("verification failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
      deleteTree(plans);
    }
  }

  private UnitResult verifyUnit(Unit unit, Path planFile) {
    long started = System.nanoTime();
    long deadline = started + options.unitTimeout().toNanos();
    try {
      if (!InitGate.initialised(
          unit.dir(), terragrunt.engine())) { // else its plan re-inits if needed
        ExecResult init = init(unit, remaining(deadline));
        if (!init.succeeded()) {
          return UnitResult.error(unit, explained("init: " + failure(init)), since(started));
        }
      }
      ExecResult plan = plan(unit, planFile, deadline);
      if (!plan.succeeded() && sourceCopyRaced(plan)) {
        // A dependent planned beside this unit reads its outputs through Terragrunt, which copies
        // this unit's changed source again at the same time: the copy is whole once it is done.
        plan = plan(unit, planFile, deadline);
      }
      if (!plan.succeeded() && needsInit(plan)) {
        // The backend or the providers changed since the last init (e.g. a new lock mode).
        ExecResult init = init(unit, remaining(deadline));
        if (!init.succeeded()) {
          return UnitResult.error(unit, explained("init: " + failure(init)), since(started));
        }
        plan = plan(unit, planFile, deadline);
      }
      StreamedPlan streamed = StreamedPlan.parse(plan.stdout());
      if (!plan.succeeded()) {
        // A plan cut off by the timeout prints errors of its own (the providers it lost): the
        // timeout says why.
        String error =
            streamed.firstError() != null && !plan.timedOut()
                ? streamed.firstError()
                : failure(plan);
        return UnitResult.error(unit, explained("plan: " + error), since(started));
      }
      // Terraform counts every output of a called module as a planned change when it judges
      // drift relevant, and streams none of them: with module calls, drift needs the plan JSON.
      boolean clean = streamed.quiet() && (!streamed.drifted() || PlanModules.rootOnly(planFile));
      PlanSummary summary =
          clean
              ? PlanSummary.clean()
              : PlanClassifier.classify(
                  terragrunt.showPlanJson(unit.dir(), planFile, remaining(deadline)));
      Files.deleteIfExists(planFile);
      return UnitResult.planned(unit, summary, since(started));
    } catch (ExecException e) {
      return UnitResult.error(unit, e.getMessage(), since(started));
    } catch (IOException e) {
      return UnitResult.error(unit, "cannot remove plan file: " + e.getMessage(), since(started));
    }
  }

  private ExecResult plan(Unit unit, Path planFile, long deadline) {
    return terragrunt.plan(
        unit.dir(),
        planFile,
        remaining(deadline),
        List.of(
            "-json",
            "--tf-forward-stdout",
            "-lock-timeout=" + options.lockTimeout().toSeconds() + "s"));
  }

  private static boolean sourceCopyRaced(ExecResult plan) {
    return (plan.stdout() + plan.stderr()).contains("Did not find any Terraform files");
  }

  private static boolean needsInit(ExecResult plan) {
    String output = plan.stdout() + plan.stderr();
    return output.contains("terraform init") || output.contains("Backend initialization required");
  }

  private ExecResult init(Unit unit, Duration timeout) {
    return inits.init(unit.dir(), () -> terragrunt.init(unit.dir(), timeout));
  }

  /**
   * The errors that have one fix, with it: live/local reads the emulator's endpoint from the
   * environment.
   */
  static String explained(String error) {
    return error.contains("Required environment variable AWS_ENDPOINT_URL")
        ? error
            + " (the emulator's endpoint: start one with scripts/platform emulator start, then"
            + " eval \"$(scripts/platform emulator env)\")"
        : error;
  }

  private static String failure(ExecResult result) {
    if (result.timedOut()) {
      return "timed out after "
          + result.elapsed().toSeconds()
          + " s (--timeout limits a unit's init, plan and show)";
    }
    return ErrorLines.firstUseful(result.stderr(), result.stdout());
  }

  private static Duration remaining(long deadline) {
    return Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000_000L));
  }

  private static Duration since(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }

  private static Path createPrivateTempDir() {
    try {
      // Plan files hold every attribute value, secrets included: keep them owner-only.
      return Files.createTempDirectory(
          "platform-verify-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for plan files", e);
    }
  }

  private static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort: the directory is private to this user.
    }
  }
}
