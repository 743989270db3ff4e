package io.platform.migrate.wiring;

import java.util.List;
import java.util.Set;

/** What the target live tree offers a reference: its dependency edges and each unit's interface. */
public interface UnitInterfaces {
  /** The units {@code unit} depends on directly (Terragrunt's dependency graph). */
  List<String> dependencies(String unit);

  /** The outputs the unit's module declares. */
  Set<String> outputs(String unit);

  /** The inputs the unit sets. */
  Set<String> inputs(String unit);
}
