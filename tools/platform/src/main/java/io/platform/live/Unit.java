package io.platform.live;

import java.nio.file.Path;

/**
 * A Terragrunt unit: a directory holding a {@code terragrunt.hcl}.
 *
 * @param dir absolute directory of the unit
 * @param name the unit's path relative to the tree it was found in, with forward slashes
 */
public record Unit(Path dir, String name) implements Comparable<Unit> {

  @Override
  public int compareTo(Unit other) {
    return name.compareTo(other.name);
  }
}
