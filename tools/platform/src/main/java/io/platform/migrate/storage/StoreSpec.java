package io.platform.migrate.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platform.migrate.state.StateJson;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** Where a unit's state goes, as a migration plan records it: a unit's S3 backend, or a file. */
public sealed interface StoreSpec {

  /**
   * A live unit's S3 backend.
   *
   * @param unitDir the unit's directory, for verification and for {@code state push}
   */
  record S3(S3Location location, Path unitDir) implements StoreSpec {
    @Override
    public String describe() {
      return location.describe();
    }

    @Override
    public Optional<Path> unit() {
      return Optional.of(unitDir);
    }
  }

  /** A state file: for a dry run, a review, or a backend this tool does not write; not verified. */
  record File(Path path) implements StoreSpec {
    @Override
    public String describe() {
      return path.toString();
    }

    @Override
    public Optional<Path> unit() {
      return Optional.empty();
    }
  }

  static StoreSpec s3(S3Location location, Path unitDir) {
    return new S3(location, unitDir);
  }

  static StoreSpec file(Path file) {
    return new File(file);
  }

  /** For people, e.g. {@code s3://bucket/key}; never holds a secret. */
  String describe();

  /** The unit directory the state belongs to; none for a file. */
  Optional<Path> unit();

  default ObjectNode toJson() {
    ObjectNode node = StateJson.mapper().createObjectNode();
    if (this instanceof S3 s3) {
      S3Location location = s3.location();
      node.put("kind", "s3");
      node.put("region", location.region())
          .put("bucket", location.bucket())
          .put("key", location.key())
          .put("dynamodb_table", location.lockTable())
          .put("use_lockfile", location.useLockfile())
          .put("encrypt", location.encrypt())
          .put("kms_key_id", location.kmsKeyId())
          .put("endpoint", location.endpoint() == null ? null : location.endpoint().toString());
      node.put("unit_dir", s3.unitDir().toString());
    } else if (this instanceof File file) {
      node.put("kind", "file");
      node.put("path", file.path().toString());
    }
    return node;
  }

  static StoreSpec fromJson(JsonNode node) {
    String kind = node.path("kind").asText();
    if ("s3".equals(kind)) {
      S3Location location =
          new S3Location(
              node.path("region").asText(),
              node.path("bucket").asText(),
              node.path("key").asText(),
              node.hasNonNull("dynamodb_table") ? node.get("dynamodb_table").asText() : null,
              node.path("use_lockfile").asBoolean(),
              node.path("encrypt").asBoolean(),
              node.hasNonNull("kms_key_id") ? node.get("kms_key_id").asText() : null,
              node.hasNonNull("endpoint") ? URI.create(node.get("endpoint").asText()) : null);
      return new S3(location, Path.of(node.path("unit_dir").asText()));
    }
    if ("file".equals(kind)) {
      return new File(Path.of(node.path("path").asText()));
    }
    throw new IllegalArgumentException("unknown destination kind \"" + kind + "\"");
  }
}
