package io.platform.killswitch.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which access keys of the service user the kill switch deactivates. */
public enum RevokeScope {
  /** Only the key named in the secret. */
  CONFIGURED_KEY("configured-key"),
  /** Every active key of the user the secret names. */
  ALL_KEYS("all-keys");

  private final String value;

  RevokeScope(String value) {
    this.value = value;
  }

  /** The value as written in {@code REVOKE_SCOPE}. */
  public String value() {
    return value;
  }

  static RevokeScope parse(String variable, String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(s -> s.value.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new ConfigurationException(
                    variable
                        + "="
                        + text
                        + " is not a scope; use one of "
                        + Arrays.stream(values())
                            .map(RevokeScope::value)
                            .collect(Collectors.joining(", "))));
  }
}
