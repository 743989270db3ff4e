package io.platform.killswitch.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretReaderTest {
  private static final String SECRET = "platform/kill-switch/service-user";

  /** A value that must never appear in a message. */
  private static final String PRIVATE = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  private final SecretReader reader = new SecretReader(null, new ObjectMapper());

  @Test
  void readsTheUserAndKeyAndIgnoresOtherFields() {
    ServiceUser user =
        reader.parse(
            SECRET,
            "{\"username\": \"svc-openmetadata\", \"access_key_id\": \"AKIAIOSFODNN7EXAMPLE\", \"secret_access_key\": \""
                + PRIVATE
                + "\"}");

    assertThat(user).isEqualTo(new ServiceUser("svc-openmetadata", "AKIAIOSFODNN7EXAMPLE"));
    assertThat(user.toString()).doesNotContain(PRIVATE);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "" + PRIVATE + " not json                                                   | is not JSON",
        "[\""
            + PRIVATE
            + "\"]                                                      | is not a JSON object",
        "{\"username\": \"svc\", \"secret_access_key\": \""
            + PRIVATE
            + "\"}         | has no string field \"access_key_id\"",
        "{\"access_key_id\": \"AKIAIOSFODNN7EXAMPLE\"}                              | has no string field \"username\"",
        "{\"username\": 42, \"access_key_id\": \"AKIAIOSFODNN7EXAMPLE\"}             | has no string field \"username\"",
        "{\"username\": \"svc\", \"access_key_id\": \""
            + PRIVATE
            + "\"}             | access_key_id is not a valid access key id",
        "{\"username\": \"svc user/"
            + PRIVATE
            + "\", \"access_key_id\": \"AKIAIOSFODNN7EXAMPLE\"} | username is not a valid IAM user name",
        "''                                                                         | is not a JSON object",
      })
  void anUnusableSecretIsNamedButItsValueNeverQuoted(String value, String reason) {
    assertThatThrownBy(() -> reader.parse(SECRET, value.strip()))
        .isInstanceOf(SecretException.class)
        .hasMessageStartingWith("secret " + SECRET)
        .hasMessageContaining(reason)
        .hasMessageNotContaining(PRIVATE)
        .hasMessageNotContaining("EXAMPLE");
  }
}
