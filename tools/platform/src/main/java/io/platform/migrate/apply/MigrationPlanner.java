package io.platform.migrate.apply;

import io.platform.live.UnitGraph;
import io.platform.migrate.address.ModulePath;
import io.platform.migrate.address.ResourceAddress;
import io.platform.migrate.config.Mapping;
import io.platform.migrate.plan.Accounting;
import io.platform.migrate.plan.MigrationPlan;
import io.platform.migrate.plan.PlannedUnit;
import io.platform.migrate.plan.SourceRef;
import io.platform.migrate.plan.Wiring;
import io.platform.migrate.slice.MigrationRefusedException;
import io.platform.migrate.slice.SliceResult;
import io.platform.migrate.slice.Slicer;
import io.platform.migrate.slice.UnitSlice;
import io.platform.migrate.state.StateResource;
import io.platform.migrate.state.TerraformState;
import io.platform.migrate.storage.Snapshot;
import io.platform.migrate.storage.StateStore;
import io.platform.migrate.storage.StoreSpec;
import io.platform.migrate.storage.StoredState;
import io.platform.migrate.wiring.ConfigSource;
import io.platform.migrate.wiring.ConfigurationJson;
import io.platform.migrate.wiring.CrossingReference;
import io.platform.migrate.wiring.CrossingReferences;
import io.platform.migrate.wiring.MonolithConfiguration;
import io.platform.migrate.wiring.WiringCheck;
import io.platform.text.Count;
import io.platform.toolchain.EngineRelease;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@code migrate plan}: snapshot the monolith, slice it, look at each destination's current state,
 * and produce the plan. Writes nothing but the plan.
 */
public final class MigrationPlanner {
  private final StateStores stores;
  private final EngineRelease engine;
  private final Consumer<String> progress;

  /**
   * @param engine the engine the unit states are for: no state it cannot read is planned
   */
  public MigrationPlanner(StateStores stores, EngineRelease engine, Consumer<String> progress) {
    this.stores = stores;
    this.engine = engine;
    this.progress = progress;
  }

  /**
   * @param allowExisting add to unit states that already exist (their lineage, serial + 1) instead
   *     of refusing
   * @param config the monolith's configuration, whose references that cross units are listed and
   *     checked; null to plan from the state alone
   */
  public MigrationPlan plan(
      SourceRef ref,
      Mapping mapping,
      Destinations destinations,
      boolean allowExisting,
      Path scratch,
      ConfigSource config) {
    StateStore source = stores.source(ref);
    Snapshot snapshot = Snapshot.take(source, scratch);
    progress.accept("source: " + snapshot.location() + " (sha256 " + snapshot.sha256() + ")");
    boolean planned = false;
    try {
      TerraformState state = TerraformState.parse(snapshot.bytes(), snapshot.location());
      state.requireReadableBy(engine, "the source " + snapshot.location());
      SliceResult slices =
          new Slicer(mapping, destinations::exists, destinations.describe(), Map.of()).slice(state);

      Map<String, StoreSpec> specs = new LinkedHashMap<>();
      Map<String, StoredState> found = new HashMap<>();
      Map<String, Set<ResourceAddress>> existing = new HashMap<>();
      List<String> problems = new ArrayList<>();
      for (UnitSlice unit : slices.units()) {
        StoreSpec spec = destinations.store(unit.unit());
        specs.put(unit.unit(), spec);
        Optional<StoredState> current = stores.destination(spec, StateStores.Push.S3).read();
        if (current.isEmpty()) {
          continue;
        }
        if (!allowExisting) {
          problems.add(
              "unit "
                  + unit.unit()
                  + " already has a state at "
                  + spec.describe()
                  + "; pass --allow-existing to add to it (its lineage, serial + 1), or rerun apply with the plan that wrote it");
          continue;
        }
        TerraformState present = TerraformState.parse(current.get().bytes(), spec.describe());
        present.requireReadableBy(engine, "the state of unit " + unit.unit());
        found.put(unit.unit(), current.get());
        existing.put(
            unit.unit(),
            present.resources().stream().map(StateResource::address).collect(Collectors.toSet()));
      }
      if (!problems.isEmpty()) {
        throw new MigrationRefusedException(problems);
      }
      if (!existing.isEmpty()) {
        slices =
            new Slicer(mapping, destinations::exists, destinations.describe(), existing)
                .slice(state);
      }

      Wiring wiring = config == null ? null : wiring(config, state, slices, snapshot, scratch);

      Accounting accounting = Accounting.of(state.resources(), slices);
      if (!accounting.balanced()) {
        throw new IllegalStateException(
            "the plan does not place every instance exactly once (" + accounting.describe() + ")");
      }

      List<PlannedUnit> units = new ArrayList<>();
      UnitGraph graph = destinations.graph(specs.keySet());
      for (String name : graph.order()) {
        UnitSlice slice = slices.unit(name);
        StoredState current = found.get(name);
        PlannedUnit.Existing before = null;
        String lineage = UUID.randomUUID().toString();
        long serial = 1;
        if (current != null) {
          TerraformState present =
              TerraformState.parse(current.bytes(), specs.get(name).describe());
          before = new PlannedUnit.Existing(present.lineage(), present.serial(), current.sha256());
          lineage = present.lineage();
          serial = present.serial() + 1;
        }
        units.add(
            new PlannedUnit(
                name,
                specs.get(name),
                lineage,
                serial,
                before,
                slice.resources().size(),
                slice.moves(),
                slice.providers(),
                slice.droppedDependencies(),
                graph.dependencies().get(name)));
      }
      MigrationPlan plan =
          new MigrationPlan(
              Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
              ref,
              snapshot.sha256(),
              state.lineage(),
              state.serial(),
              mapping,
              destinations.describe(),
              units,
              slices.excluded(),
              slices.leftBehind(),
              engine,
              wiring,
              accounting);
      planned = true;
      return plan;
    } finally {
      SourceCheck.report(snapshot, planned, progress);
    }
  }

  private Wiring wiring(
      ConfigSource config,
      TerraformState state,
      SliceResult slices,
      Snapshot snapshot,
      Path scratch) {
    progress.accept(
        "config: " + config.dir() + " (init and plan of a private copy, to read its references)");
    ConfigurationJson configuration =
        ConfigurationJson.of(
            MonolithConfiguration.read(
                    config.terraform(),
                    config.dir(),
                    config.calls(),
                    snapshot.bytes(),
                    Map.of(),
                    scratch)
                .configuration());
    List<String> undeclared =
        state.resources().stream()
            .filter(StateResource::isManaged)
            .map(r -> r.address().module().configPath().render() + "." + r.address().local())
            .map(a -> a.startsWith(".") ? a.substring(1) : a)
            .filter(a -> !configuration.declares(a))
            .toList();
    if (!undeclared.isEmpty()) {
      throw new MigrationRefusedException(
          "--config "
              + config.dir()
              + " is not the configuration of this state: "
              + Count.of(undeclared.size(), "resource")
              + " of the state "
              + (undeclared.size() == 1 ? "is" : "are")
              + " not declared in it ("
              + String.join(", ", undeclared.stream().limit(5).toList())
              + (undeclared.size() > 5 ? ", ..." : "")
              + ")");
    }
    Map<ModulePath, String> components = new LinkedHashMap<>();
    for (UnitSlice unit : slices.units()) {
      unit.components().forEach(c -> components.put(c.address().configPath(), unit.unit()));
    }
    List<CrossingReference> crossings = new CrossingReferences(configuration, components).find();
    if (config.live() != null) {
      crossings = WiringCheck.check(crossings, config.live());
    }
    return new Wiring(config.dir().toString(), config.live() != null, crossings);
  }
}
