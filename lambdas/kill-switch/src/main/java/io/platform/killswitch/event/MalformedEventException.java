package io.platform.killswitch.event;

/**
 * The input is not a readable CloudWatch alarm event. The function fails on it, so that the event
 * ends up in the on-failure destination for someone to look at.
 */
public class MalformedEventException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedEventException(String message) {
    super(message);
  }
}
