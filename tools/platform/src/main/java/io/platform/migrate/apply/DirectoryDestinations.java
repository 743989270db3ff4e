package io.platform.migrate.apply;

import io.platform.migrate.storage.StoreSpec;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * Unit states as files, {@code DIR/<unit>/terraform.tfstate}: for a dry run, a review, or a
 * backend this tool does not write. Any unit name is accepted; there is nothing to verify against.
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

  @Override
  public List<String> order(Collection<String> units) {
    return units.stream().sorted().toList();
  }
}
