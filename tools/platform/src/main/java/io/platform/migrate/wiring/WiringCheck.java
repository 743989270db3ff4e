package io.platform.migrate.wiring;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether the target live tree carries each crossing reference: a dependency on the unit the value
 * comes from, that unit's module declaring the output, and the unit setting the input.
 */
public final class WiringCheck {
  private WiringCheck() {}

  public static List<CrossingReference> check(
      List<CrossingReference> crossings, UnitInterfaces live) {
    List<CrossingReference> checked = new ArrayList<>();
    for (CrossingReference crossing : crossings) {
      checked.add(crossing.withProblems(problems(crossing, live)));
    }
    return checked;
  }

  private static List<String> problems(CrossingReference crossing, UnitInterfaces live) {
    List<String> problems = new ArrayList<>();
    if (crossing.dependency() == null) {
      problems.add(
          crossing.read().startsWith("local.")
              ? "reads a local, which Terraform's configuration JSON does not resolve: wire it by hand and pass --allow-unwired"
              : "reads a module that lands in no unit (excluded or outside the prefix)");
      return problems;
    }
    if (!live.dependencies(crossing.unit()).contains(crossing.dependency())) {
      problems.add("no dependency \"" + crossing.dependency() + "\" in unit " + crossing.unit());
    }
    if (!crossing.output().equals("*")
        && !live.outputs(crossing.dependency()).contains(crossing.output())) {
      problems.add(
          "the module of unit "
              + crossing.dependency()
              + " has no output \""
              + crossing.output()
              + "\"");
    }
    if (crossing.argument().equals(ModuleInput.FOR_EACH)
        || crossing.argument().equals(ModuleInput.COUNT)) {
      problems.add(
          crossing.argument()
              + " of the module call decides the unit's instances: a unit has no "
              + crossing.argument()
              + ", so make one unit per instance or move the "
              + crossing.argument()
              + " into the module, and pass --allow-unwired");
    } else if (!live.inputs(crossing.unit()).contains(crossing.argument())) {
      problems.add("unit " + crossing.unit() + " sets no input \"" + crossing.argument() + "\"");
    }
    return problems;
  }
}
