package io.platform.killswitch;

/**
 * The invocation did not fully revoke access, or could not say so. Thrown out of the handler so
 * that Lambda retries the event (every step is idempotent) and, after the last retry, hands it to
 * the on-failure destination.
 */
public class KillSwitchFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KillSwitchFailure(String message) {
    super(message);
  }

  public KillSwitchFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
