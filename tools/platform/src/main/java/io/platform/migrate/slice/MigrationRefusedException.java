package io.platform.migrate.slice;

import java.util.List;

/**
 * The migration cannot go ahead as asked: unmapped resources, colliding destinations, a destination
 * state that changed, a source that changed since the plan. Nothing was written.
 */
public final class MigrationRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public MigrationRefusedException(List<String> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  public MigrationRefusedException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }

  private static String summary(List<String> problems) {
    return problems.size() == 1
        ? problems.get(0)
        : problems.size() + " problems, nothing written:\n  - " + String.join("\n  - ", problems);
  }
}
