package io.platform.migrate.slice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platform.migrate.address.AddressParser;
import io.platform.migrate.address.ConfigResource;
import io.platform.migrate.address.ModuleInstance;
import io.platform.migrate.address.ModulePath;
import io.platform.migrate.address.ProviderConfig;
import io.platform.migrate.address.ResourceAddress;
import io.platform.migrate.config.Exclusion;
import io.platform.migrate.config.Mapping;
import io.platform.migrate.state.StateFormatException;
import io.platform.migrate.state.StateResource;
import io.platform.migrate.state.TerraformState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Divides a monolith state into unit slices in one pass: discovers the components (direct child
 * module instances of the prefix) from the state itself, maps each to a unit, and rewrites each
 * resource's module path, its instances' dependencies and its provider address. Every problem (an
 * unmapped resource, a unit that does not exist, two sources landing on one address, a mapping
 * entry that matches nothing) is collected and reported together, before anything is written.
 */
public final class Slicer {
  private final Mapping mapping;
  private final Predicate<String> unitExists;
  private final String unitsWhere;
  private final Map<String, Set<ResourceAddress>> existing;

  /**
   * @param unitExists whether a unit of that name exists in the destination tree
   * @param unitsWhere names the destination tree in messages, e.g. {@code live/local}
   * @param existing per unit, the resources its current state already holds
   */
  public Slicer(
      Mapping mapping,
      Predicate<String> unitExists,
      String unitsWhere,
      Map<String, Set<ResourceAddress>> existing) {
    this.mapping = mapping;
    this.unitExists = unitExists;
    this.unitsWhere = unitsWhere;
    this.existing = existing;
  }

  public SliceResult slice(TerraformState source) {
    List<String> problems = new ArrayList<>();
    List<Exclusion> exclusions =
        mapping.exclude().stream().map(e -> Exclusion.parse(e, "exclude")).toList();
    Set<Exclusion> usedExclusions = new HashSet<>();
    List<String> excluded = new ArrayList<>();
    List<String> leftBehind = new ArrayList<>();
    int excludedInstances = 0;
    int leftBehindInstances = 0;
    Map<ModuleInstance, List<StateResource>> byComponent = new LinkedHashMap<>();
    Set<String> migratedProviders = new HashSet<>();
    int depth = mapping.prefix().depth();

    for (StateResource resource : source.resources()) {
      ResourceAddress address = resource.address();
      // Every exclusion that matches is used, also one inside an excluded module.
      List<Exclusion> matching = exclusions.stream().filter(e -> e.matches(address)).toList();
      if (!matching.isEmpty()) {
        usedExclusions.addAll(matching);
        excluded.add(address.render());
        excludedInstances += resource.instances().size();
        continue;
      }
      ModuleInstance module = address.module();
      if (mapping.prefix().matchesHead(module) && module.depth() > depth) {
        byComponent.computeIfAbsent(module.head(depth + 1), k -> new ArrayList<>()).add(resource);
        migratedProviders.add(resource.provider().render());
      } else if (!resource.isManaged()) {
        leftBehind.add(address.render());
        leftBehindInstances += resource.instances().size();
      } else if (mapping.prefix().matchesHead(module)) {
        problems.add(
            "unmapped: "
                + address
                + " sits in the prefix module itself, not in a component below "
                + mapping.prefix()
                + "; exclude it or move it into a component first");
      } else {
        problems.add(
            "unmapped: "
                + address
                + " is outside the prefix "
                + mapping.prefix()
                + "; exclude it to leave it in the monolith");
      }
    }
    if (byComponent.isEmpty()
        && !excluded.isEmpty()
        && excluded.size() == source.resources().size()) {
      problems.add(
          "nothing to migrate: the mapping's exclude matches every resource of the state ("
              + excluded.size()
              + ")");
    } else if (byComponent.isEmpty()) {
      problems.add(
          "nothing to migrate: no resource in the state sits in a module below "
              + mapping.prefix());
    }
    for (Exclusion exclusion : exclusions) {
      if (!usedExclusions.contains(exclusion)) {
        problems.add("mapping: exclude \"" + exclusion.text() + "\" matches nothing in the state");
      }
    }
    for (String provider : mapping.providers().keySet()) {
      if (!migratedProviders.contains(provider)) {
        problems.add(
            "mapping: providers entry "
                + provider
                + " is the provider of no resource below "
                + mapping.prefix());
      }
    }

    Map<String, List<Component>> components = assign(byComponent.keySet(), problems);
    List<UnitSlice> units = new ArrayList<>();
    for (Map.Entry<String, List<Component>> entry : components.entrySet()) {
      units.add(unitSlice(entry.getKey(), entry.getValue(), byComponent, problems));
    }
    if (!problems.isEmpty()) {
      throw new MigrationRefusedException(problems);
    }
    units.sort(Comparator.comparing(UnitSlice::unit));
    return new SliceResult(units, excluded, leftBehind, excludedInstances, leftBehindInstances);
  }

  /** Components to units: explicit renames and merges first, convention for the rest. */
  private Map<String, List<Component>> assign(Set<ModuleInstance> found, List<String> problems) {
    Map<String, String> selectorUnit = new LinkedHashMap<>();
    Map<String, String> selectorRule = new HashMap<>();
    mapping
        .renames()
        .forEach(
            (selector, unit) -> {
              selectorUnit.put(selector, unit);
              selectorRule.put(selector, "renames");
            });
    mapping
        .merges()
        .forEach(
            (unit, selectors) ->
                selectors.forEach(
                    s -> {
                      selectorUnit.put(s, unit);
                      selectorRule.put(s, "merges");
                    }));
    Set<String> usedSelectors = new HashSet<>();

    Map<String, List<Component>> units = new TreeMap<>();
    Set<String> targeted = new HashSet<>();
    for (ModuleInstance component : found) {
      String name = component.steps().get(component.depth() - 1).name();
      // A full address is more specific than a name: it wins.
      String selector =
          selectorUnit.containsKey(component.render())
              ? component.render()
              : selectorUnit.containsKey(name) ? name : null;
      String unit;
      String rule;
      if (selector != null) {
        usedSelectors.add(selector);
        unit = selectorUnit.get(selector);
        rule = selectorRule.get(selector);
      } else {
        unit = Mapping.conventionalUnit(name);
        rule = "convention";
      }
      targeted.add(unit);
      if (!unitExists.test(unit)) {
        problems.add(
            "unmapped module: "
                + component
                + " goes to unit \""
                + unit
                + "\" ("
                + rule
                + "), which "
                + unitsWhere
                + " does not have; add the unit, rename the module in the mapping file, or exclude it");
        continue;
      }
      units.computeIfAbsent(unit, k -> new ArrayList<>()).add(new Component(component, unit, rule));
    }
    for (String selector : selectorUnit.keySet()) {
      if (!usedSelectors.contains(selector)) {
        problems.add(
            "mapping: "
                + selectorRule.get(selector)
                + " entry \""
                + selector
                + "\" matches no module below "
                + mapping.prefix());
      }
    }
    for (String unit : mapping.into().keySet()) {
      if (!targeted.contains(unit)) {
        problems.add("mapping: into." + unit + " names a unit that receives nothing");
      }
    }
    return units;
  }

  private UnitSlice unitSlice(
      String unit,
      List<Component> components,
      Map<ModuleInstance, List<StateResource>> byComponent,
      List<String> problems) {
    ModuleInstance into = mapping.into().getOrDefault(unit, ModuleInstance.ROOT);
    Map<ModulePath, ModulePath> configPaths = new LinkedHashMap<>();
    for (Component component : components) {
      configPaths.put(component.address().configPath(), into.configPath());
    }
    Set<ResourceAddress> already = existing.getOrDefault(unit, Set.of());
    Map<ResourceAddress, ResourceAddress> destinations = new HashMap<>();
    List<StateResource> resources = new ArrayList<>();
    List<Move> moves = new ArrayList<>();
    Map<String, String> providers = new TreeMap<>();
    int[] dropped = {0};

    for (Component component : components) {
      int cut = component.address().depth();
      for (StateResource resource : byComponent.get(component.address())) {
        ResourceAddress from = resource.address();
        ResourceAddress to = from.inModule(into.append(from.module().tail(cut)));
        ResourceAddress earlier = destinations.putIfAbsent(to, from);
        if (earlier != null) {
          problems.add(
              "collision in unit "
                  + unit
                  + ": "
                  + earlier
                  + " and "
                  + from
                  + " would both become "
                  + to);
          continue;
        }
        if (already.contains(to)) {
          problems.add(
              "collision in unit "
                  + unit
                  + ": "
                  + from
                  + " would become "
                  + to
                  + ", which the unit's state already holds");
          continue;
        }
        ProviderConfig provider =
            provider(resource.provider(), component.address().configPath(), into.configPath());
        if (!provider.equals(resource.provider())) {
          providers.put(resource.provider().render(), provider.render());
        }
        // Copies of the resource and of its instances only: the attribute values, the bulk of a
        // state, are shared with the source tree, which nothing writes to (a deep copy held a
        // second monolith in memory).
        ObjectNode node = resource.node().objectNode().setAll(resource.node());
        if (to.module().isRoot()) {
          node.remove("module");
        } else {
          node.put("module", to.module().render());
        }
        node.put("provider", provider.render());
        ArrayNode instances = node.putArray("instances");
        for (JsonNode instance : resource.node().path("instances")) {
          ObjectNode copy = node.objectNode().setAll((ObjectNode) instance);
          dropped[0] += rewriteDependencies(copy, configPaths, from);
          instances.add(copy);
        }
        StateResource rewritten = new StateResource(to, provider, node);
        resources.add(rewritten);
        List<String> sources = resource.describeInstances(from);
        List<String> targets = rewritten.describeInstances(to);
        for (int i = 0; i < sources.size(); i++) {
          moves.add(new Move(sources.get(i), targets.get(i)));
        }
      }
    }
    return new UnitSlice(unit, into, components, resources, moves, providers, dropped[0]);
  }

  /**
   * A provider configured inside the component moves with it; one configured above it (at the root
   * or in a parent module, passed down) becomes the unit's own default configuration, unless the
   * mapping file says otherwise. Either way under the address both engines read ({@link
   * ProviderConfig#portable}): a monolith OpenTofu wrote slices into units either engine plans.
   */
  private ProviderConfig provider(ProviderConfig original, ModulePath component, ModulePath into) {
    String override = mapping.providers().get(original.render());
    if (override != null) {
      return AddressParser.providerConfig(override);
    }
    if (original.module().startsWith(component)) {
      return original.inModule(original.module().replacePrefix(component, into)).portable();
    }
    return new ProviderConfig(ModulePath.ROOT, original.source(), null).portable();
  }

  /**
   * Rewrites an instance's {@code dependencies} with the unit's prefix map and drops those that
   * leave the slice (they become dependencies between units). Returns how many were dropped.
   */
  private static int rewriteDependencies(
      ObjectNode instance, Map<ModulePath, ModulePath> configPaths, ResourceAddress owner) {
    JsonNode deps = instance.get("dependencies");
    if (deps == null || deps.isNull()) {
      return 0;
    }
    if (!deps.isArray()) {
      throw new StateFormatException("dependencies of " + owner + " is not a list");
    }
    Set<String> kept = new TreeSet<>();
    int dropped = 0;
    for (JsonNode dep : deps) {
      ConfigResource target;
      try {
        target = AddressParser.configResource(dep.asText());
      } catch (IllegalArgumentException e) {
        throw new StateFormatException("a dependency of " + owner + ": " + e.getMessage());
      }
      ModulePath mapped = null;
      for (Map.Entry<ModulePath, ModulePath> entry : configPaths.entrySet()) {
        if (target.module().startsWith(entry.getKey())) {
          mapped = target.module().replacePrefix(entry.getKey(), entry.getValue());
          break;
        }
      }
      if (mapped == null) {
        dropped++;
      } else {
        kept.add(target.inModule(mapped).render());
      }
    }
    if (kept.isEmpty()) {
      // As Terraform writes it: no dependencies, no field.
      instance.remove("dependencies");
    } else {
      ArrayNode list = instance.putArray("dependencies");
      kept.forEach(list::add);
    }
    return dropped;
  }
}
