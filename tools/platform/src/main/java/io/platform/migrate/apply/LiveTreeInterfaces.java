package io.platform.migrate.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.platform.live.Unit;
import io.platform.live.UnitDiscovery;
import io.platform.live.UnitGraph;
import io.platform.migrate.wiring.UnitInterfaces;
import io.platform.terraform.ConfigInspect;
import io.platform.terraform.Terragrunt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A live tree's units as Terragrunt and Terraform read them: the dependency edges from {@code
 * terragrunt find --dag}, each unit's inputs from {@code terragrunt render}, the outputs of its
 * module (a local {@code terraform.source}) from {@code terraform-config-inspect}.
 */
public final class LiveTreeInterfaces implements UnitInterfaces {
  private final Terragrunt terragrunt;
  private final ConfigInspect inspect;
  private final Map<String, Unit> units;
  private final UnitGraph graph;
  private final Map<String, JsonNode> rendered = new HashMap<>();

  public LiveTreeInterfaces(Path root, Terragrunt terragrunt, ConfigInspect inspect) {
    this.terragrunt = terragrunt;
    this.inspect = inspect;
    this.units =
        UnitDiscovery.find(root.toAbsolutePath().normalize(), List.of(), List.of()).stream()
            .collect(Collectors.toMap(Unit::name, Function.identity()));
    this.graph = UnitGraph.fromFindJson(terragrunt.findDependencyOrder(root));
  }

  @Override
  public List<String> dependencies(String unit) {
    return graph.dependencies().getOrDefault(unit, List.of());
  }

  @Override
  public Set<String> outputs(String unit) {
    String source = render(unit).path("terraform").path("source").asText("");
    Path module = moduleDir(units.get(unit).dir(), source);
    if (module == null || !Files.isDirectory(module)) {
      throw new IllegalArgumentException(
          "unit "
              + unit
              + ": cannot read the outputs of its module "
              + (source.isEmpty() ? "(no terraform.source)" : source)
              + "; only a local source is read");
    }
    Set<String> outputs = new LinkedHashSet<>();
    inspect.read(module).path("outputs").fieldNames().forEachRemaining(outputs::add);
    return outputs;
  }

  @Override
  public Set<String> inputs(String unit) {
    Set<String> inputs = new LinkedHashSet<>();
    render(unit).path("inputs").fieldNames().forEachRemaining(inputs::add);
    return inputs;
  }

  private JsonNode render(String unit) {
    Unit found = units.get(unit);
    if (found == null) {
      throw new IllegalArgumentException("no unit " + unit + " in the live tree");
    }
    return rendered.computeIfAbsent(unit, u -> terragrunt.render(found.dir()));
  }

  /** A local source ({@code ../modules//vpc}, absolute or relative to the unit), else null. */
  static Path moduleDir(Path unitDir, String source) {
    if (source.isEmpty() || source.contains("::") || source.contains("://")) {
      return null;
    }
    String path = source.replace("//", "/");
    return unitDir.resolve(path).normalize();
  }
}
