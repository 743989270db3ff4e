package io.platform.killswitch.secret;

/**
 * The configured secret cannot be used: missing, unreadable, not the expected JSON, or naming a
 * user or key that does not exist. The message names the secret, never its value.
 */
public class SecretException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SecretException(String message) {
    super(message);
  }

  public SecretException(String message, Throwable cause) {
    super(message, cause);
  }
}
