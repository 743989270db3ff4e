package io.platform.migrate.storage;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;

/**
 * A state object in S3 and how Terraform's S3 backend locks it, read from the same
 * {@code remote_state} config keys Terraform uses.
 *
 * @param lockTable the DynamoDB lock table (which also holds the {@code <key>-md5} digest), or null
 * @param useLockfile S3-native locking with a {@code <key>.tflock} object
 * @param kmsKeyId the KMS key for server-side encryption, or null
 * @param endpoint an S3 endpoint override, or null for AWS (or AWS_ENDPOINT_URL)
 */
public record S3Location(
    String region, String bucket, String key, String lockTable, boolean useLockfile, boolean encrypt,
    String kmsKeyId, URI endpoint) {

  public static S3Location fromRemoteStateConfig(JsonNode config) {
    String table = text(config, "dynamodb_table");
    URI endpoint = null;
    String s3 = text(config.path("endpoints"), "s3");
    if (s3 == null) {
      s3 = text(config, "endpoint");
    }
    if (s3 != null) {
      endpoint = URI.create(s3);
    }
    return new S3Location(
        required(config, "region"), required(config, "bucket"), required(config, "key"), table,
        config.path("use_lockfile").asBoolean(false), config.path("encrypt").asBoolean(false),
        text(config, "kms_key_id"), endpoint);
  }

  /** The lock item's key in the lock table, as Terraform writes it. */
  public String lockId() {
    return bucket + "/" + key;
  }

  public String digestId() {
    return lockId() + "-md5";
  }

  public String lockfileKey() {
    return key + ".tflock";
  }

  public String describe() {
    return "s3://" + bucket + "/" + key;
  }

  private static String required(JsonNode config, String field) {
    String value = text(config, field);
    if (value == null) {
      throw new IllegalArgumentException("S3 remote_state config has no \"" + field + "\"");
    }
    return value;
  }

  private static String text(JsonNode config, String field) {
    JsonNode value = config.path(field);
    return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
  }
}
