package io.platform.migrate.address;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A module prefix that may match several module instances: {@code module.client_stage.module.*}. A
 * step without a key matches every instance of that call (as {@code -target} does); a step with a
 * key matches only that instance; the name {@code *} matches any call. Without steps it is the root
 * module, whose own module calls are then the components.
 */
public record ModulePattern(List<Step> steps) {

  /**
   * @param name a module call name, or {@code *}
   * @param key the instance key to match, or null for any
   */
  public record Step(String name, InstanceKey key) {
    boolean matches(ModuleStep step) {
      return ("*".equals(name) || name.equals(step.name()))
          && (key == null || key.equals(step.key()));
    }

    String render() {
      return "module." + name + (key == null ? "" : key.render());
    }
  }

  public ModulePattern {
    steps = List.copyOf(steps);
  }

  public int depth() {
    return steps.size();
  }

  /** Whether the first {@link #depth()} steps of {@code module} match. */
  public boolean matchesHead(ModuleInstance module) {
    if (module.depth() < steps.size()) {
      return false;
    }
    for (int i = 0; i < steps.size(); i++) {
      if (!steps.get(i).matches(module.steps().get(i))) {
        return false;
      }
    }
    return true;
  }

  /** As written in a mapping file; empty for the root module. */
  public String render() {
    return steps.stream().map(Step::render).collect(Collectors.joining("."));
  }

  /** For messages, where an empty prefix would read as nothing. */
  @Override
  public String toString() {
    return steps.isEmpty() ? "the root module" : render();
  }
}
