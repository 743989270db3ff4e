package io.platform.migrate.apply;

import io.platform.live.UnitGraph;
import io.platform.migrate.storage.StoreSpec;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Unit states as files, {@code DIR/<unit>/terraform.tfstate}: for a dry run, a review, or a backend
 * this tool does not write. Any unit name is accepted; there is nothing to verify against.
 */
public final class DirectoryDestinations implements Destinations {
  private final Path dir;

  public DirectoryDestinations(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  @Override
  public String describe() {
    return dir.toString();
  }

  @Override
  public boolean exists(String unit) {
    return true;
  }

  @Override
  public StoreSpec store(String unit) {
    return StoreSpec.file(dir.resolve(unit).resolve("terraform.tfstate"));
  }

  /** By name; state files do not depend on each other. */
  @Override
  public UnitGraph graph(Collection<String> units) {
    return new UnitGraph(List.of(), Map.of()).restrictedTo(units);
  }
}
