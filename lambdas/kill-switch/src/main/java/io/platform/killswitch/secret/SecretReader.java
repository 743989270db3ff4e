package io.platform.killswitch.secret;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * Reads {@code {"username": ..., "access_key_id": ...}} from Secrets Manager. Other fields (a
 * stored secret access key, say) are ignored and never echoed; no error message carries any part of
 * the secret's value.
 */
public final class SecretReader {
  public static final String USERNAME = "username";
  public static final String ACCESS_KEY_ID = "access_key_id";

  /** IAM's own rules for user names and access key ids. */
  private static final Pattern USERNAME_PATTERN = Pattern.compile("[\\w+=,.@-]{1,64}");

  private static final Pattern KEY_ID_PATTERN = Pattern.compile("[A-Z0-9]{16,128}");

  private final SecretsManagerClient secrets;
  private final ObjectMapper json;
  private final Optional<SecretPrefetch> prefetch;

  public SecretReader(SecretsManagerClient secrets, ObjectMapper json) {
    this(secrets, json, Optional.empty());
  }

  /**
   * @param prefetch the read started during init, which the first {@link #read} uses when it can
   */
  public SecretReader(
      SecretsManagerClient secrets, ObjectMapper json, Optional<SecretPrefetch> prefetch) {
    this.secrets = secrets;
    this.json = json;
    this.prefetch = prefetch;
  }

  /**
   * @throws SecretException when the secret is missing or unusable
   */
  public ServiceUser read(String secretId) {
    return parse(secretId, fetch(secretId));
  }

  /** Checks a secret's value; package-private for the tests. */
  ServiceUser parse(String secretId, String value) {
    JsonNode document;
    try {
      document = json.readTree(value);
    } catch (JsonProcessingException e) {
      // Jackson quotes the offending input in its message: say nothing of it.
      throw new SecretException(
          "secret "
              + secretId
              + " is not JSON; expected {\""
              + USERNAME
              + "\": ..., \""
              + ACCESS_KEY_ID
              + "\": ...}");
    }
    if (document == null || !document.isObject()) {
      throw new SecretException("secret " + secretId + " is not a JSON object");
    }
    String username = field(secretId, document, USERNAME);
    String accessKeyId = field(secretId, document, ACCESS_KEY_ID);
    if (!USERNAME_PATTERN.matcher(username).matches()) {
      throw new SecretException(
          "secret " + secretId + ": " + USERNAME + " is not a valid IAM user name");
    }
    if (!KEY_ID_PATTERN.matcher(accessKeyId).matches()) {
      throw new SecretException(
          "secret " + secretId + ": " + ACCESS_KEY_ID + " is not a valid access key id");
    }
    return new ServiceUser(username, accessKeyId);
  }

  private String fetch(String secretId) {
    GetSecretValueResponse response;
    try {
      response =
          prefetch
              .flatMap(p -> p.take(secretId))
              .orElseGet(() -> secrets.getSecretValue(b -> b.secretId(secretId)));
    } catch (ResourceNotFoundException e) {
      throw new SecretException("secret " + secretId + " does not exist", e);
    } catch (SecretsManagerException e) {
      String code = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorCode();
      throw new SecretException("cannot read secret " + secretId + ": " + code, e);
    }
    if (response.secretString() == null) {
      throw new SecretException(
          "secret " + secretId + " has no string value (binary secrets are not supported)");
    }
    return response.secretString();
  }

  private static String field(String secretId, JsonNode document, String name) {
    JsonNode node = document.get(name);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw new SecretException("secret " + secretId + " has no string field \"" + name + "\"");
    }
    return node.asText().trim();
  }
}
