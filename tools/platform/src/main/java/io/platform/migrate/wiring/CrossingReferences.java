package io.platform.migrate.wiring;

import io.platform.migrate.address.ModulePath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The references of a monolith's configuration whose two ends land in different units, found by
 * mapping both ends through the components the slice assigned: a module call's argument is owned by
 * the unit of the component it lies in, and a {@code module.X.output} it reads by the unit of the
 * component {@code X} lies in. A {@code var.X} of a module below the root is followed to what its
 * caller passed; a {@code local.X} cannot be followed (locals are not in the configuration JSON)
 * and is reported as such.
 */
public final class CrossingReferences {
  private final ConfigurationJson config;
  private final Map<ModulePath, String> components;

  /**
   * @param components each component's module path (no instance keys) to its unit
   */
  public CrossingReferences(ConfigurationJson config, Map<ModulePath, String> components) {
    this.config = config;
    this.components = Map.copyOf(components);
  }

  /** Every crossing reference, once per unit, argument and source, in configuration order. */
  public List<CrossingReference> find() {
    Map<String, CrossingReference> found = new LinkedHashMap<>();
    for (ModuleInput input : config.inputs()) {
      Optional<String> owner = unitOf(input.call());
      if (owner.isEmpty()) {
        continue;
      }
      List<ModuleInput> chain = new ArrayList<>();
      chain.add(input);
      follow(owner.get(), input, input, chain, found);
    }
    return List.copyOf(found.values());
  }

  private void follow(
      String owner,
      ModuleInput origin,
      ModuleInput input,
      List<ModuleInput> chain,
      Map<String, CrossingReference> found) {
    ModulePath caller = input.caller();
    for (String reference : specific(input.references())) {
      List<String> parts = steps(reference);
      switch (parts.get(0)) {
        case "module" -> {
          List<String> steps = steps(reference);
          List<String> names = new ArrayList<>(caller.names());
          names.add(steps.get(1));
          ModulePath target = new ModulePath(names);
          String output = steps.size() > 2 ? steps.get(2) : "*";
          Optional<String> unit = unitOf(target);
          if (unit.isPresent() && unit.get().equals(owner)) {
            continue;
          }
          add(found, origin, owner, reference, caller, unit.orElse(null), output);
        }
        case "var" -> {
          if (caller.names().isEmpty() || chain.size() > 32) {
            continue;
          }
          ModuleInput passed = config.input(caller, parts.get(1));
          if (passed != null && !chain.contains(passed)) {
            chain.add(passed);
            follow(owner, origin, passed, chain, found);
            chain.remove(chain.size() - 1);
          }
        }
        case "local" -> {
          if (unitOf(caller).filter(owner::equals).isEmpty()) {
            add(found, origin, owner, reference, caller, null, null);
          }
        }
        default -> {
          // each.*, count.*, path.*, terraform.*, resources of the caller: not another unit's
          // outputs (a caller above the components holds no migrated resources).
        }
      }
    }
  }

  private static void add(
      Map<String, CrossingReference> found,
      ModuleInput origin,
      String owner,
      String reference,
      ModulePath where,
      String dependency,
      String output) {
    String read = reference + (where.names().isEmpty() ? "" : " of " + where.render());
    CrossingReference crossing =
        new CrossingReference(
            owner, origin.call().render(), origin.argument(), read, dependency, output, List.of());
    found.putIfAbsent(
        owner
            + "|"
            + origin.call()
            + "|"
            + origin.argument()
            + "|"
            + dependency
            + "|"
            + output
            + "|"
            + (dependency == null ? read : ""),
        crossing);
  }

  /** The references without those a more specific one of the list names in full. */
  private static List<String> specific(List<String> references) {
    return references.stream()
        .filter(
            r ->
                references.stream()
                    .noneMatch(
                        other ->
                            other.length() > r.length()
                                && (other.startsWith(r + ".") || other.startsWith(r + "["))))
        .toList();
  }

  private Optional<String> unitOf(ModulePath path) {
    for (Map.Entry<ModulePath, String> component : components.entrySet()) {
      if (path.startsWith(component.getKey())) {
        return Optional.of(component.getValue());
      }
    }
    return Optional.empty();
  }

  /**
   * A reference's names without instance keys: {@code module.x["a.b"].out[0]} is {@code module, x,
   * out}. Keys are skipped whole, quoted dots and brackets included.
   */
  static List<String> steps(String reference) {
    List<String> steps = new ArrayList<>();
    StringBuilder name = new StringBuilder();
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < reference.length(); i++) {
      char c = reference.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (depth == 0 && c == '.') {
        if (name.length() > 0) {
          steps.add(name.toString());
        }
        name.setLength(0);
      } else if (depth == 0) {
        name.append(c);
      }
    }
    if (name.length() > 0) {
      steps.add(name.toString());
    }
    return steps;
  }
}
