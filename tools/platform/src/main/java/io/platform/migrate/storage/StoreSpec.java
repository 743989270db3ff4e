package io.platform.migrate.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platform.migrate.state.StateJson;
import java.net.URI;
import java.nio.file.Path;

/**
 * Where a unit's state goes, as a migration plan records it.
 *
 * @param s3 the unit's S3 backend (kind s3), else null
 * @param file the state file (kind file), else null
 * @param dir the unit directory, for verification and for {@code state push}; null for files
 */
public record StoreSpec(Kind kind, S3Location s3, Path file, Path dir) {
  public enum Kind {
    S3,
    FILE
  }

  public static StoreSpec s3(S3Location location, Path unitDir) {
    return new StoreSpec(Kind.S3, location, null, unitDir);
  }

  public static StoreSpec file(Path file) {
    return new StoreSpec(Kind.FILE, null, file, null);
  }

  public String describe() {
    return kind == Kind.S3 ? s3.describe() : file.toString();
  }

  public ObjectNode toJson() {
    ObjectNode node = StateJson.mapper().createObjectNode();
    node.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
    if (kind == Kind.S3) {
      node.put("region", s3.region()).put("bucket", s3.bucket()).put("key", s3.key())
          .put("dynamodb_table", s3.lockTable()).put("use_lockfile", s3.useLockfile())
          .put("encrypt", s3.encrypt()).put("kms_key_id", s3.kmsKeyId())
          .put("endpoint", s3.endpoint() == null ? null : s3.endpoint().toString());
    } else {
      node.put("path", file.toString());
    }
    if (dir != null) {
      node.put("unit_dir", dir.toString());
    }
    return node;
  }

  public static StoreSpec fromJson(JsonNode node) {
    Path dir = node.hasNonNull("unit_dir") ? Path.of(node.get("unit_dir").asText()) : null;
    if ("s3".equals(node.path("kind").asText())) {
      S3Location location = new S3Location(
          node.path("region").asText(), node.path("bucket").asText(), node.path("key").asText(),
          node.hasNonNull("dynamodb_table") ? node.get("dynamodb_table").asText() : null,
          node.path("use_lockfile").asBoolean(), node.path("encrypt").asBoolean(),
          node.hasNonNull("kms_key_id") ? node.get("kms_key_id").asText() : null,
          node.hasNonNull("endpoint") ? URI.create(node.get("endpoint").asText()) : null);
      return new StoreSpec(Kind.S3, location, null, dir);
    }
    if ("file".equals(node.path("kind").asText())) {
      return new StoreSpec(Kind.FILE, null, Path.of(node.path("path").asText()), dir);
    }
    throw new IllegalArgumentException("unknown destination kind \"" + node.path("kind").asText() + "\"");
  }
}
