package io.platform.migrate.state;

/**
 * A state that cannot be read: not JSON, not format version 4, or a field of the wrong shape. The
 * message names where, never a value: states hold secrets.
 */
public final class StateFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public StateFormatException(String message) {
    super(message);
  }
}
