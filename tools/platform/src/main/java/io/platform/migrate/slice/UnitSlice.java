package io.platform.migrate.slice;

import io.platform.migrate.address.ModuleInstance;
import io.platform.migrate.state.StateResource;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one unit receives.
 *
 * @param into the module path in the unit that the components land under (root by default)
 * @param resources the rewritten resources, ready for the unit's state
 * @param moves every instance, source to destination address
 * @param providers provider configuration addresses rewritten, monolith to unit
 * @param droppedDependencies instance dependencies that pointed outside this unit's slice
 */
public record UnitSlice(
    String unit,
    ModuleInstance into,
    List<Component> components,
    List<StateResource> resources,
    List<Move> moves,
    Map<String, String> providers,
    int droppedDependencies) {

  public UnitSlice {
    components = List.copyOf(components);
    resources = List.copyOf(resources);
    moves = List.copyOf(moves);
    providers = Collections.unmodifiableMap(new TreeMap<>(providers));
  }

  public int instanceCount() {
    return moves.size();
  }
}
