package io.platform.migrate.apply;

import io.platform.migrate.storage.StoreSpec;
import java.util.Collection;
import java.util.List;

/** Where the units are and where each keeps its state. */
public interface Destinations {

  /** Names the tree or directory in messages. */
  String describe();

  boolean exists(String unit);

  StoreSpec store(String unit);

  /** The given units, each after the units it depends on. */
  List<String> order(Collection<String> units);
}
