package io.platform.restore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * The kill switch's secret: {@code {"username", "access_key_id"}}, possibly with a {@code
 * secret_access_key} the service reads its credentials from. Fields this tool does not know are
 * kept as they are. Error messages name the secret, never its value.
 */
public record ServiceUserSecret(String secretId, ObjectNode document) {
  static final String USERNAME = "username";
  static final String ACCESS_KEY_ID = "access_key_id";
  static final String SECRET_ACCESS_KEY = "secret_access_key";

  private static final ObjectMapper JSON = new ObjectMapper();

  static ServiceUserSecret read(SecretsManagerClient secrets, String secretId) {
    String value;
    try {
      value = secrets.getSecretValue(b -> b.secretId(secretId)).secretString();
    } catch (ResourceNotFoundException e) {
      throw new IllegalArgumentException("secret " + secretId + " does not exist", e);
    }
    JsonNode document;
    try {
      document = value == null ? null : JSON.readTree(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("secret " + secretId + " is not JSON");
    }
    if (document == null || !document.isObject()) {
      throw new IllegalStateException("secret " + secretId + " is not a JSON object");
    }
    ServiceUserSecret secret = new ServiceUserSecret(secretId, (ObjectNode) document);
    secret.field(USERNAME);
    secret.field(ACCESS_KEY_ID);
    return secret;
  }

  String username() {
    return field(USERNAME);
  }

  String accessKeyId() {
    return field(ACCESS_KEY_ID);
  }

  /** Whether the service keeps its secret access key in here (then rotation must update it). */
  boolean storesSecretAccessKey() {
    return document.hasNonNull(SECRET_ACCESS_KEY);
  }

  /** Writes a new key into the secret as a new version, keeping every other field. */
  void writeKey(
      SecretsManagerClient secrets, String accessKeyId, Optional<String> secretAccessKey) {
    ObjectNode updated = document.deepCopy().put(ACCESS_KEY_ID, accessKeyId);
    secretAccessKey.ifPresent(key -> updated.put(SECRET_ACCESS_KEY, key));
    secrets.putSecretValue(b -> b.secretId(secretId).secretString(updated.toString()));
  }

  private String field(String name) {
    JsonNode node = document.get(name);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw new IllegalStateException(
          "secret " + secretId + " has no string field \"" + name + "\"");
    }
    return node.asText();
  }
}
