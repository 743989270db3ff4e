package io.platform.migrate.config;

import io.platform.migrate.address.ModuleInstance;
import io.platform.migrate.address.ModulePattern;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a monolith's modules become units. Every direct child module of a module matching {@code
 * prefix} is a component; by convention it goes to the unit named like the module call (underscores
 * read as hyphens: {@code module.cloudflared_ec2} goes to {@code cloudflared-ec2}).
 *
 * @param prefix where the components are, e.g. {@code module.client_stage.module.*}
 * @param renames component selector to unit, for components whose unit is named otherwise
 * @param merges unit to the component selectors that all go into it
 * @param exclude modules or resources deliberately left in the monolith only
 * @param into unit to the module path its components land under (default: the unit's root)
 * @param providers provider configuration address in the monolith to the one in the unit, for
 *     providers the default rule does not place right
 */
public record Mapping(
    ModulePattern prefix,
    Map<String, String> renames,
    Map<String, List<String>> merges,
    List<String> exclude,
    Map<String, ModuleInstance> into,
    Map<String, String> providers) {

  public Mapping {
    renames = copy(renames);
    Map<String, List<String>> m = new LinkedHashMap<>();
    merges.forEach((unit, selectors) -> m.put(unit, List.copyOf(selectors)));
    merges = Collections.unmodifiableMap(m);
    exclude = List.copyOf(exclude);
    into = copy(into);
    providers = copy(providers);
  }

  /** Convention only: no renames, merges, exclusions or overrides. */
  public static Mapping conventional(ModulePattern prefix) {
    return new Mapping(prefix, Map.of(), Map.of(), List.of(), Map.of(), Map.of());
  }

  public Mapping withPrefix(ModulePattern other) {
    return new Mapping(other, renames, merges, exclude, into, providers);
  }

  /** The unit a component goes to when nothing in the mapping names it. */
  public static String conventionalUnit(String moduleName) {
    return moduleName.replace('_', '-');
  }

  private static <V> Map<String, V> copy(Map<String, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
