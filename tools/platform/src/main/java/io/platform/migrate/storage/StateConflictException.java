package io.platform.migrate.storage;

/**
 * The destination is not in the state a write expected (someone else wrote it, or its lock is
 * held): nothing was written.
 */
public final class StateConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StateConflictException(String message) {
    super(message);
  }
}
