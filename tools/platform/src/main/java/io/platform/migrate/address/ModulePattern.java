package io.platform.migrate.address;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A module prefix that may match several module instances: {@code module.client_stage.module.*}.
 * A step without a key matches every instance of that call (as {@code -target} does); a step
 * with a key matches only that instance; the name {@code *} matches any call.
 */
public record ModulePattern(List<Step> steps) {

  /**
   * @param name a module call name, or {@code *}
   * @param key the instance key to match, or null for any
   */
  public record Step(String name, InstanceKey key) {
    boolean matches(ModuleStep step) {
      return ("*".equals(name) || name.equals(step.name())) && (key == null || key.equals(step.key()));
    }

    String render() {
      return "module." + name + (key == null ? "" : key.render());
    }
  }

  public ModulePattern {
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a prefix needs at least one module step");
    }
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

  public String render() {
    return steps.stream().map(Step::render).collect(Collectors.joining("."));
  }

  @Override
  public String toString() {
    return render();
  }
}
