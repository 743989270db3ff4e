package io.platform.migrate.apply;

import io.platform.live.Unit;
import io.platform.migrate.address.ResourceAddress;
import io.platform.migrate.plan.Accounting;
import io.platform.migrate.plan.MigrationPlan;
import io.platform.migrate.plan.PlannedUnit;
import io.platform.migrate.slice.MigrationRefusedException;
import io.platform.migrate.slice.SliceResult;
import io.platform.migrate.slice.Slicer;
import io.platform.migrate.slice.UnitSlice;
import io.platform.migrate.state.StateResource;
import io.platform.migrate.state.TerraformState;
import io.platform.migrate.storage.ExpectedState;
import io.platform.migrate.storage.Snapshot;
import io.platform.migrate.storage.StateConflictException;
import io.platform.migrate.storage.StateLock;
import io.platform.migrate.storage.StateStore;
import io.platform.migrate.storage.StoredState;
import io.platform.migrate.wiring.CrossingReference;
import io.platform.text.Count;
import io.platform.toolchain.EngineRelease;
import io.platform.verify.PlanSummary;
import io.platform.verify.UnitResult;
import io.platform.verify.Verdict;
import io.platform.verify.Verifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code migrate apply}: carries out a saved plan. The monolith is read once into a hashed snapshot
 * (and locked while the run lasts, when its backend has a lock); every destination is checked
 * before the first write; then unit by unit, in dependency order: plan against a local copy (and
 * write its outputs there), push under the unit's lock, plan against the remote state (a unit
 * already in place gets its outputs written there first); units that do not depend on each other
 * side by side. A rerun of the same plan skips what is already in place and finishes the rest.
 */
public final class MigrationApplier {

  /**
   * @param force overwrite unit states that are not as the plan expects
   * @param verify plan each unit (locally before the push, remotely after)
   * @param materialize apply output-only plans, so dependants can read the outputs
   * @param parallelism units carried out at the same time (a unit waits for those it depends on)
   * @param allowUnwired carry out a plan whose crossing references the live tree does not carry
   */
  public record Options(
      boolean force,
      boolean verify,
      boolean materialize,
      StateStores.Push push,
      int parallelism,
      boolean allowUnwired) {
    public Options {
      if (parallelism < 1) {
        throw new IllegalArgumentException("--parallelism must be at least 1, not " + parallelism);
      }
    }
  }

  /** The parts that run Terraform; null where verification is off. */
  public record Tools(ScratchCopyVerifier local, Materializer materializer, Verifier remote) {}

  private final StateStores stores;
  private final Tools tools;
  private final Options options;
  private final EngineRelease engine;
  private final Consumer<String> progress;

  /**
   * @param engine the engine that plans the units, or null where none runs (no verification)
   */
  public MigrationApplier(
      StateStores stores,
      Tools tools,
      Options options,
      EngineRelease engine,
      Consumer<String> progress) {
    this.stores = stores;
    this.tools = tools;
    this.options = options;
    this.engine = engine;
    this.progress = progress;
  }

  /** What the preflight found at a destination; the reason says why it is a conflict. */
  private record Judgement(Kind kind, String reason) {
    enum Kind {
      PUSH,
      DONE,
      CONFLICT
    }

    static final Judgement PUSH = new Judgement(Kind.PUSH, null);
    static final Judgement DONE = new Judgement(Kind.DONE, null);

    static Judgement conflict(String reason) {
      return new Judgement(Kind.CONFLICT, reason);
    }
  }

  /**
   * What to do with a unit, decided before anything is written.
   *
   * @param desired the state to push, built when the unit runs: only the units running at a time
   *     hold theirs in memory
   * @param instances the resource instances desired holds, which the state pushed must hold too
   */
  private record Step(
      PlannedUnit unit,
      StateStore store,
      Supplier<byte[]> desired,
      int instances,
      ExpectedState expected,
      boolean push,
      boolean repairDigest) {}

  @SuppressWarnings("try") // the lock is held for the block, not used in it
  public ApplyReport apply(MigrationPlan plan, String planName, Path scratch) {
    long started = System.nanoTime();
    List<UnitOutcome> outcomes = new ArrayList<>();

    Snapshot snapshot = null;
    Snapshot.Check check = null;
    String error = null;
    StateStore source = stores.source(plan.source());
    try (StateLock frozen = source.lock("platform migrate apply (source frozen)")) {
      snapshot = Snapshot.take(source, scratch);
      progress.accept("source: " + snapshot.location() + " (sha256 " + snapshot.sha256() + ")");
      if (!snapshot.sha256().equals(plan.sourceSha256())) {
        throw new MigrationRefusedException(
            "the source changed since the plan (planned sha256 "
                + plan.sourceSha256()
                + ", now "
                + snapshot.sha256()
                + "); run migrate plan again");
      }
      requireWired(plan);
      TerraformState state = TerraformState.parse(snapshot.bytes(), snapshot.location());
      state.requireReadableBy(engine, "the source " + snapshot.location());
      List<Step> steps = preflight(plan, state, outcomes);
      if (outcomes.isEmpty()) {
        run(steps, outcomes, scratch);
      }
    } catch (MigrationRefusedException | StateConflictException e) {
      // Refused before the first write (source changed, locked, re-slice differs): every unit.
      outcomes.clear();
      plan.units()
          .forEach(u -> outcomes.add(untouched(u, UnitOutcome.Action.REFUSED, e.getMessage())));
    } catch (RuntimeException e) {
      error = e.getMessage();
    } finally {
      if (snapshot != null) {
        try {
          boolean succeeded = error == null && outcomes.stream().allMatch(UnitOutcome::succeeded);
          check = SourceCheck.report(snapshot, succeeded, progress);
        } catch (IllegalStateException e) {
          check = snapshot.check();
          error = e.getMessage();
        }
      }
    }
    return new ApplyReport(
        planName, check, outcomes, error, Duration.ofNanos(System.nanoTime() - started), engine);
  }

  /** A plan whose crossing references the live tree does not carry waits for --allow-unwired. */
  private void requireWired(MigrationPlan plan) {
    List<CrossingReference> unwired = plan.wiring() == null ? List.of() : plan.wiring().unwired();
    if (!unwired.isEmpty() && !options.allowUnwired()) {
      throw new MigrationRefusedException(
          Count.of(unwired.size(), "reference")
              + " crossing units not wired in the live tree (first: "
              + unwired.get(0).describe()
              + ": "
              + String.join("; ", unwired.get(0).problems())
              + "); wire them and plan again, or pass --allow-unwired");
    }
  }

  /**
   * Rebuilds every unit's state from the snapshot and compares each destination with what the plan
   * expects. Any refusal is recorded for every unit and nothing is written.
   */
  private List<Step> preflight(
      MigrationPlan plan, TerraformState state, List<UnitOutcome> outcomes) {
    Map<String, Set<ResourceAddress>> existing = new HashMap<>();
    Map<String, Optional<StoredState>> current = new LinkedHashMap<>();
    Map<String, StateStore> storesByUnit = new LinkedHashMap<>();
    for (PlannedUnit unit : plan.units()) {
      StateStore store = stores.destination(unit.store(), options.push());
      storesByUnit.put(unit.name(), store);
      Optional<StoredState> found = store.read();
      current.put(unit.name(), found);
      if (unit.existing() != null
          && found.isPresent()
          && found.get().sha256().equals(unit.existing().sha256())) {
        existing.put(
            unit.name(), addresses(TerraformState.parse(found.get().bytes(), store.describe())));
      }
    }
    SliceResult slices =
        new Slicer(plan.mapping(), n -> true, plan.destination(), existing).slice(state);
    Accounting again = Accounting.of(state.resources(), slices);
    if (plan.accounting() != null && !again.equals(plan.accounting())) {
      throw new MigrationRefusedException(
          "slicing the source again places its instances otherwise ("
              + again.describe()
              + "; planned: "
              + plan.accounting().describe()
              + "); run migrate plan again");
    }

    List<Step> steps = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (PlannedUnit unit : plan.units()) {
      UnitSlice slice = slices.unit(unit.name());
      if (slice == null || !slice.moves().equals(unit.moves())) {
        throw new MigrationRefusedException(
            "unit "
                + unit.name()
                + ": slicing the source again does not give the planned moves; run migrate plan again");
      }
      StateStore store = storesByUnit.get(unit.name());
      Optional<StoredState> found = current.get(unit.name());
      List<StateResource> resources = new ArrayList<>(slice.resources());
      TerraformState base = state;
      if (unit.existing() != null && existing.containsKey(unit.name())) {
        TerraformState present = TerraformState.parse(found.get().bytes(), store.describe());
        resources.addAll(present.resources());
        base = present;
      }
      TerraformState template = base;
      Supplier<byte[]> desired =
          () ->
              TerraformState.of(
                      template, unit.lineage(), unit.serial(), resources, unit.existing() != null)
                  .toBytes();
      Judgement judgement = judge(unit, found, instances(slice.resources()));
      switch (judgement.kind()) {
        case PUSH ->
            steps.add(
                new Step(
                    unit,
                    store,
                    desired,
                    Accounting.instances(resources),
                    ExpectedState.as(found),
                    true,
                    false));
        case DONE ->
            steps.add(
                new Step(
                    unit,
                    store,
                    desired,
                    Accounting.instances(resources),
                    ExpectedState.as(found),
                    false,
                    found.get().digestStale()));
        case CONFLICT -> {
          if (options.force()) {
            progress.accept(
                "  " + unit.name() + ": " + judgement.reason() + "; overwriting (--force)");
            long serial =
                Math.max(
                    unit.serial(),
                    found
                        .map(f -> TerraformState.parse(f.bytes(), store.describe()).serial() + 1)
                        .orElse(1L));
            steps.add(
                new Step(
                    unit,
                    store,
                    () ->
                        TerraformState.of(
                                template,
                                unit.lineage(),
                                serial,
                                resources,
                                unit.existing() != null)
                            .toBytes(),
                    Accounting.instances(resources),
                    ExpectedState.anything(),
                    true,
                    false));
          } else {
            problems.add(unit.name() + ": " + judgement.reason());
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      for (PlannedUnit unit : plan.units()) {
        String own =
            problems.stream()
                .filter(p -> p.startsWith(unit.name() + ": "))
                .findFirst()
                .orElse(null);
        outcomes.add(
            untouched(
                unit,
                own == null ? UnitOutcome.Action.NOT_ATTEMPTED : UnitOutcome.Action.REFUSED,
                own == null
                    ? "another unit was refused; nothing written"
                    : own.substring(unit.name().length() + 2)
                        + "; nothing written (--force overwrites)"));
      }
    }
    return steps;
  }

  /**
   * Push, done (this plan's lineage, at least its serial, holding every sliced instance), or a
   * conflict: the destination is not as the plan expects.
   */
  private static Judgement judge(
      PlannedUnit unit, Optional<StoredState> found, Set<String> sliced) {
    if (found.isEmpty()) {
      return unit.existing() == null
          ? Judgement.PUSH
          : Judgement.conflict("the state the plan adds to is gone");
    }
    TerraformState present;
    try {
      present = TerraformState.parse(found.get().bytes(), unit.store().describe());
    } catch (IllegalArgumentException e) {
      return Judgement.conflict("the unit's state cannot be read: " + e.getMessage());
    }
    if (unit.existing() != null && found.get().sha256().equals(unit.existing().sha256())) {
      return Judgement.PUSH;
    }
    boolean ours = present.lineage().equals(unit.lineage()) && present.serial() >= unit.serial();
    if (ours && instances(present.resources()).containsAll(sliced)) {
      return Judgement.DONE;
    }
    if (!present.lineage().equals(unit.lineage())) {
      return Judgement.conflict(
          "the unit's state has lineage "
              + present.lineage()
              + " (serial "
              + present.serial()
              + "), not the planned "
              + unit.lineage()
              + ": it was written by something else");
    }
    if (unit.existing() != null) {
      return Judgement.conflict(
          "the unit's state moved from serial "
              + unit.existing().serial()
              + " to "
              + present.serial()
              + " since the plan");
    }
    return Judgement.conflict(
        "the unit's state has this migration's lineage but lacks some of its resources (changed after the migration?)");
  }

  /** Units that do not wait for each other run side by side (--parallelism). */
  private void run(List<Step> steps, List<UnitOutcome> outcomes, Path scratch) {
    Map<String, Step> byName = new LinkedHashMap<>();
    Map<String, List<String>> waitsFor = new HashMap<>();
    for (Step step : steps) {
      byName.put(step.unit().name(), step);
      waitsFor.put(step.unit().name(), step.unit().dependsOn());
    }
    outcomes.addAll(
        new UnitScheduler(options.parallelism())
            .run(
                List.copyOf(byName.keySet()),
                waitsFor,
                name -> {
                  UnitOutcome result;
                  try {
                    result = runUnit(byName.get(name), scratch);
                  } catch (RuntimeException e) {
                    result =
                        failed(
                            byName.get(name).unit(),
                            null,
                            "failed unexpectedly, the unit's state may or may not be written; rerun apply with the same plan: "
                                + e.getMessage(),
                            0);
                  }
                  progress.accept(
                      "  "
                          + name
                          + ": "
                          + result.action().label()
                          + (result.remoteVerdict() == null
                              ? ""
                              : ", plans " + result.remoteVerdict().label())
                          + (result.message() == null ? "" : " (" + result.message() + ")"));
                  return result;
                },
                UnitOutcome::succeeded,
                (name, reason) ->
                    untouched(
                        byName.get(name).unit(),
                        UnitOutcome.Action.NOT_ATTEMPTED,
                        "not started: " + reason)));
  }

  private UnitOutcome runUnit(Step step, Path scratch) {
    long started = System.nanoTime();
    PlannedUnit unit = step.unit();
    Unit live = unit.store().unit().map(dir -> new Unit(dir, unit.name())).orElse(null);
    boolean verify = options.verify() && live != null;
    Verdict local = null;
    boolean materialized = false;
    UnitOutcome.Action action;
    try {
      if (step.push()) {
        byte[] pushed = step.desired().get();
        if (verify) {
          progress.accept("  " + unit.name() + ": planning against a local copy of its new state");
          ScratchCopyVerifier.LocalPlan plan;
          try {
            plan = tools.local().verify(live, pushed, scratch, options.materialize());
          } catch (RuntimeException e) {
            return failed(
                unit,
                Verdict.ERROR,
                "cannot plan against the local copy, nothing pushed: " + e.getMessage(),
                started);
          }
          local = plan.summary().verdict();
          if (local != Verdict.CLEAN && local != Verdict.OUTPUT_ONLY) {
            return failed(
                unit,
                local,
                "the plan against the local copy shows "
                    + describe(plan.summary())
                    + "; nothing pushed",
                started);
          }
          pushed = plan.state();
          materialized = plan.outputsWritten();
        }
        int holds = Accounting.instances(TerraformState.parse(pushed, unit.name()).resources());
        if (holds != step.instances()) {
          return failed(
              unit,
              local,
              "the state to push holds "
                  + Count.of(holds, "instance")
                  + ", the plan places "
                  + step.instances()
                  + "; nothing pushed",
              started);
        }
        progress.accept("  " + unit.name() + ": pushing to " + step.store().describe());
        step.store().write(pushed, step.expected());
        action = UnitOutcome.Action.PUSHED;
      } else if (step.repairDigest()
          && stores.destination(unit.store(), StateStores.Push.S3).repairDigest()) {
        action = UnitOutcome.Action.DIGEST_REPAIRED;
      } else {
        action = UnitOutcome.Action.SKIPPED;
      }
    } catch (StateConflictException e) {
      return outcome(unit, UnitOutcome.Action.REFUSED, local, null, false, e.getMessage(), started);
    } catch (RuntimeException e) {
      return failed(
          unit,
          local,
          "push interrupted, the unit's state may or may not be written; rerun apply with the same plan: "
              + e.getMessage(),
          started);
    }
    if (!verify) {
      return outcome(
          unit,
          action,
          local,
          null,
          false,
          live == null ? "file destination: not verified" : "not verified (--no-verify)",
          started);
    }
    try {
      // A unit pushed now got its outputs from the local copy; one already in place may lack them.
      if (options.materialize() && action != UnitOutcome.Action.PUSHED) {
        PlanSummary summary = tools.materializer().materialize(live, scratch);
        materialized = summary.verdict() == Verdict.OUTPUT_ONLY;
      }
      UnitResult remote =
          tools.remote().verify(live.dir().getParent(), List.of(live)).results().get(0);
      String message =
          remote.verdict() == Verdict.ERROR
              ? remote.error()
              : remote.summary() != null && remote.summary().totalChanges() > 0
                  ? describe(remote.summary())
                  : null;
      UnitOutcome.Action finalAction =
          remote.verdict() == Verdict.CLEAN || remote.verdict() == Verdict.OUTPUT_ONLY
              ? action
              : UnitOutcome.Action.FAILED;
      if (finalAction == UnitOutcome.Action.FAILED && message == null) {
        message = "the plan against the pushed state is " + remote.verdict().label();
      }
      return outcome(unit, finalAction, local, remote.verdict(), materialized, message, started);
    } catch (RuntimeException e) {
      return outcome(
          unit,
          UnitOutcome.Action.FAILED,
          local,
          null,
          materialized,
          "state in place, verification failed: " + e.getMessage(),
          started);
    }
  }

  private static String describe(PlanSummary summary) {
    StringBuilder text = new StringBuilder(summary.verdict().label());
    if (!summary.changes().isEmpty()) {
      text.append(": ");
      List<String> addresses =
          summary.changes().stream()
              .map(
                  c ->
                      c.address()
                          + " "
                          + c.actions()
                          + (c.changedAttributes().isEmpty()
                              ? ""
                              : " ("
                                  + String.join(
                                      ", ", c.changedAttributes().stream().limit(5).toList())
                                  + ")"))
              .limit(5)
              .toList();
      text.append(String.join(", ", addresses));
      if (summary.changes().size() > 5) {
        text.append(", ... ").append(summary.changes().size() - 5).append(" more");
      }
    } else if (!summary.drifted().isEmpty()) {
      text.append(": ").append(String.join(", ", summary.drifted().stream().limit(5).toList()));
    }
    return text.toString();
  }

  /** Nothing written for the unit and nothing planned: refused, or not attempted. */
  private static UnitOutcome untouched(
      PlannedUnit unit, UnitOutcome.Action action, String message) {
    return outcome(unit, action, null, null, false, message, 0);
  }

  /** Failed before any remote plan: what the local plan said, if it ran, and why. */
  private static UnitOutcome failed(PlannedUnit unit, Verdict local, String message, long started) {
    return outcome(unit, UnitOutcome.Action.FAILED, local, null, false, message, started);
  }

  /**
   * @param started System.nanoTime() when the unit began, or 0 when it never did
   */
  private static UnitOutcome outcome(
      PlannedUnit unit,
      UnitOutcome.Action action,
      Verdict local,
      Verdict remote,
      boolean materialized,
      String message,
      long started) {
    Duration elapsed = started == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - started);
    return new UnitOutcome(
        unit.name(),
        unit.store().describe(),
        action,
        local,
        remote,
        materialized,
        message,
        elapsed);
  }

  private static Set<ResourceAddress> addresses(TerraformState state) {
    Set<ResourceAddress> addresses = new HashSet<>();
    state.resources().forEach(r -> addresses.add(r.address()));
    return addresses;
  }

  /** Every instance with its deposed key: what "the same resources" means for a resume. */
  private static Set<String> instances(List<StateResource> resources) {
    Set<String> all = new HashSet<>();
    for (StateResource resource : resources) {
      all.addAll(resource.describeInstances(resource.address()));
    }
    return all;
  }
}
