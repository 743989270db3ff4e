package io.platform.migrate.address;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A module instance path such as {@code module.client_stage["eu"].module.vpc}; empty for the root
 * module. This is what a state's resource {@code module} field holds.
 */
public record ModuleInstance(List<ModuleStep> steps) {
  public static final ModuleInstance ROOT = new ModuleInstance(List.of());

  public ModuleInstance {
    steps = List.copyOf(steps);
  }

  public boolean isRoot() {
    return steps.isEmpty();
  }

  public int depth() {
    return steps.size();
  }

  /** The first {@code n} steps. */
  public ModuleInstance head(int n) {
    return new ModuleInstance(steps.subList(0, n));
  }

  /** What is left after the first {@code n} steps. */
  public ModuleInstance tail(int n) {
    return new ModuleInstance(steps.subList(n, steps.size()));
  }

  public ModuleInstance append(ModuleInstance more) {
    List<ModuleStep> all = new ArrayList<>(steps);
    all.addAll(more.steps);
    return new ModuleInstance(all);
  }

  public boolean startsWith(ModuleInstance prefix) {
    return steps.size() >= prefix.steps.size()
        && steps.subList(0, prefix.steps.size()).equals(prefix.steps);
  }

  /** The same path with instance keys dropped: the module calls in configuration. */
  public ModulePath configPath() {
    return new ModulePath(steps.stream().map(ModuleStep::name).toList());
  }

  /** As Terraform prints it; empty for the root module. */
  public String render() {
    return steps.stream().map(ModuleStep::render).collect(Collectors.joining("."));
  }

  @Override
  public String toString() {
    return render();
  }
}
