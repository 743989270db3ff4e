package io.platform.migrate.wiring;

import java.util.List;

/**
 * A value one unit's module read in the monolith from a module that lands in another unit (or in no
 * unit): after the slice the unit must get it through a dependency on that unit and an input fed
 * from its output.
 *
 * @param unit the unit whose module call read the value
 * @param call the module call in the monolith, e.g. {@code module.alb}
 * @param argument the input variable (or {@code for_each} / {@code count}) the value fed
 * @param read what the argument read, as written where it is evaluated ({@code module.vpc.vpc_id}),
 *     through the caller's variables when it came that way
 * @param dependency the unit the value comes from, or null when it comes from no unit (a local,
 *     which the configuration JSON does not resolve, or something that stays in the monolith)
 * @param output the output of the dependency's module, {@code *} for the whole module object, or
 *     null where there is no dependency
 * @param problems what is missing in the live tree; empty when it is wired
 */
public record CrossingReference(
    String unit,
    String call,
    String argument,
    String read,
    String dependency,
    String output,
    List<String> problems) {

  public CrossingReference {
    problems = List.copyOf(problems);
  }

  public boolean wired() {
    return problems.isEmpty();
  }

  CrossingReference withProblems(List<String> found) {
    return new CrossingReference(unit, call, argument, read, dependency, output, found);
  }

  /** {@code alb.vpc_id <- vpc.vpc_id (read module.vpc.vpc_id in module.alb)} */
  public String describe() {
    return unit
        + "."
        + argument
        + " <- "
        + (dependency == null ? "?" : dependency + "." + output)
        + " (read "
        + read
        + " in "
        + call
        + ")";
  }
}
