package io.platform.migrate.apply;

import io.platform.live.UnitGraph;
import io.platform.migrate.storage.StoreSpec;
import java.util.Collection;

/** Where the units are and where each keeps its state. */
public interface Destinations {

  /** Names the tree or directory in messages. */
  String describe();

  boolean exists(String unit);

  StoreSpec store(String unit);

  /** The given units in dependency order, each with the given units it waits for. */
  UnitGraph graph(Collection<String> units);
}
