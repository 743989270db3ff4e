package io.platform.migrate.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.platform.backend.BackendSpec;
import java.net.URI;

/**
 * A state object in S3 and how Terraform's S3 backend locks it, read from the same {@code
 * remote_state} config keys Terraform uses.
 *
 * @param lockTable the DynamoDB lock table (which also holds the {@code <key>-md5} digest), or null
 * @param useLockfile S3-native locking with a {@code <key>.tflock} object
 * @param kmsKeyId the KMS key for server-side encryption, or null
 * @param endpoint an S3 endpoint override, or null for AWS (or AWS_ENDPOINT_URL)
 */
public record S3Location(
    String region,
    String bucket,
    String key,
    String lockTable,
    boolean useLockfile,
    boolean encrypt,
    String kmsKeyId,
    URI endpoint) {

  public static S3Location fromRemoteStateConfig(JsonNode config) {
    BackendSpec backend = BackendSpec.fromRemoteStateConfig(config);
    String key = config.path("key").asText("");
    if (key.isBlank()) {
      throw new IllegalArgumentException("S3 remote_state config has no \"key\"");
    }
    String kms = config.path("kms_key_id").asText("");
    return new S3Location(
        backend.region(),
        backend.bucket(),
        key,
        backend.lockTable(),
        config.path("use_lockfile").asBoolean(false),
        config.path("encrypt").asBoolean(false),
        kms.isBlank() ? null : kms,
        backend.s3Endpoint());
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
}
