package io.platform.migrate.storage;

/**
 * A state as read from a store.
 *
 * @param bytes exactly what the store holds
 * @param digest how the lock table's {@code <key>-md5} item relates to the bytes
 */
@SuppressWarnings("ArrayRecordComponent") // compared by SHA-256, never by equals
public record StoredState(byte[] bytes, Digest digest) {

  public enum Digest {
    /** The store keeps no digest (a file, a backend without a DynamoDB table). */
    NOT_KEPT,
    MATCHES,
    /** No digest item although the store keeps one: a write cut off before it recorded it. */
    MISSING,
    /**
     * The digest is of other bytes: a write cut off, or one under way. Terraform refuses to read
     * it.
     */
    DIFFERS
  }

  public static StoredState of(byte[] bytes) {
    return new StoredState(bytes, Digest.NOT_KEPT);
  }

  public String sha256() {
    return Digests.sha256(bytes);
  }

  /** The digest must be written again before Terraform can rely on the state. */
  public boolean digestStale() {
    return digest == Digest.MISSING || digest == Digest.DIFFERS;
  }
}
