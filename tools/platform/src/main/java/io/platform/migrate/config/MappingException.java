package io.platform.migrate.config;

/** A mapping file that cannot be used; the message names the file and the field. */
public final class MappingException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public MappingException(String message) {
    super(message);
  }
}
