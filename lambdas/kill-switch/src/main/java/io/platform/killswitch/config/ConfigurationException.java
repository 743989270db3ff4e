package io.platform.killswitch.config;

/** An environment variable of the function is missing or has a value it cannot use. */
public class ConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    super(message);
  }
}
