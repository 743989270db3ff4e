package io.platform.backend;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state bucket and lock table a unit's S3 {@code remote_state} block asks for, read from the
 * same config keys Terragrunt uses so that both bootstrap paths agree.
 *
 * @param lockTable the DynamoDB lock table, or null when only S3-native locking is used
 * @param kmsKeyId the KMS key for bucket encryption, or null for the AWS-managed S3 key
 * @param enforceTls attach the TLS-only bucket policy statement
 * @param s3Endpoint an endpoint override (emulator only), or null for AWS
 * @param dynamodbEndpoint an endpoint override (emulator only), or null for AWS
 */
public record BackendSpec(
    String region,
    String bucket,
    String lockTable,
    String kmsKeyId,
    boolean enforceTls,
    URI s3Endpoint,
    URI dynamodbEndpoint,
    Map<String, String> bucketTags,
    Map<String, String> tableTags) {

  public BackendSpec {
    bucketTags = Map.copyOf(bucketTags);
    tableTags = Map.copyOf(tableTags);
  }

  /** Reads the {@code config} object of an S3 {@code remote_state} block. */
  public static BackendSpec fromRemoteStateConfig(JsonNode config) {
    String bucket = required(config, "bucket");
    String region = required(config, "region");
    String table = text(config, "dynamodb_table");
    if (table == null) {
      table = text(config, "lock_table");
    }
    String kms = text(config, "bucket_sse_kms_key_id");
    return new BackendSpec(
        region,
        bucket,
        table,
        kms,
        !config.path("skip_bucket_enforced_tls").asBoolean(false),
        uri(config.path("endpoints").path("s3"), text(config, "endpoint")),
        uri(config.path("endpoints").path("dynamodb"), text(config, "dynamodb_endpoint")),
        tags(config.path("s3_bucket_tags")),
        tags(config.path("dynamodb_table_tags")));
  }

  /** The key that identifies one backend, shared by every unit that uses it. */
  public String identity() {
    return region + "/" + bucket + "/" + (lockTable == null ? "" : lockTable);
  }

  private static String required(JsonNode config, String key) {
    String value = text(config, key);
    if (value == null) {
      throw new IllegalArgumentException("remote_state config has no '" + key + "'");
    }
    return value;
  }

  private static String text(JsonNode config, String key) {
    JsonNode value = config.path(key);
    return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
  }

  private static URI uri(JsonNode primary, String fallback) {
    if (primary.isTextual() && !primary.asText().isBlank()) {
      return URI.create(primary.asText());
    }
    return fallback == null ? null : URI.create(fallback);
  }

  private static Map<String, String> tags(JsonNode node) {
    Map<String, String> tags = new LinkedHashMap<>();
    node.properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
    return tags;
  }
}
