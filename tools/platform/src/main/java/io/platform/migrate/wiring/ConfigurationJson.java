package io.platform.migrate.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import io.platform.migrate.address.ModulePath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Terraform's JSON configuration representation (the {@code configuration} section of {@code
 * show -json} on a plan): every module call's arguments with their references, and every resource
 * the configuration declares. It holds no locals: those are not in the representation.
 */
public final class ConfigurationJson {
  private final Map<String, ModuleInput> inputs = new LinkedHashMap<>();
  private final Set<String> resources = new LinkedHashSet<>();

  private ConfigurationJson() {}

  public static ConfigurationJson of(JsonNode configuration) {
    ConfigurationJson config = new ConfigurationJson();
    config.walk(ModulePath.ROOT, configuration.path("root_module"));
    return config;
  }

  /** Every module call argument, callers before the modules they call. */
  public List<ModuleInput> inputs() {
    return List.copyOf(inputs.values());
  }

  /** The argument {@code argument} of the call {@code call}, or null when it is not set. */
  public ModuleInput input(ModulePath call, String argument) {
    return inputs.get(key(call, argument));
  }

  /**
   * Whether the configuration declares a resource: {@code module.a.module.b.aws_x.y} (no instance
   * keys; data sources as {@code data.aws_x.y}).
   */
  public boolean declares(String resource) {
    return resources.contains(resource);
  }

  private void walk(ModulePath module, JsonNode node) {
    for (JsonNode resource : node.path("resources")) {
      String address = resource.path("address").asText();
      resources.add(module.names().isEmpty() ? address : module.render() + "." + address);
    }
    node.path("module_calls")
        .properties()
        .forEach(
            call -> {
              List<String> names = new ArrayList<>(module.names());
              names.add(call.getKey());
              ModulePath path = new ModulePath(names);
              JsonNode body = call.getValue();
              body.path("expressions")
                  .properties()
                  .forEach(e -> add(path, e.getKey(), e.getValue()));
              add(path, ModuleInput.FOR_EACH, body.path("for_each_expression"));
              add(path, ModuleInput.COUNT, body.path("count_expression"));
              walk(path, body.path("module"));
            });
  }

  private void add(ModulePath call, String argument, JsonNode expression) {
    List<String> references = new ArrayList<>();
    collect(expression, references);
    if (!references.isEmpty()) {
      inputs.put(key(call, argument), new ModuleInput(call, argument, references));
    }
  }

  /** An expression's references, and those of the nested blocks and objects it holds. */
  private static void collect(JsonNode expression, List<String> into) {
    if (expression.isArray()) {
      expression.forEach(e -> collect(e, into));
    } else if (expression.isObject()) {
      expression.path("references").forEach(r -> into.add(r.asText()));
      expression
          .properties()
          .forEach(
              p -> {
                if (!p.getKey().equals("references")
                    && !p.getKey().equals("constant_value")
                    && p.getValue().isContainerNode()) {
                  collect(p.getValue(), into);
                }
              });
    }
  }

  private static String key(ModulePath call, String argument) {
    return call.render() + "#" + argument;
  }
}
