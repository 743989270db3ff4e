package io.platform.migrate.storage;

/**
 * A state as read from a store.
 *
 * @param bytes exactly what the store holds
 * @param digestStale true when the lock table's digest item does not match the object (an
 *     interrupted write; Terraform refuses to read such a state until the digest is fixed)
 */
public record StoredState(byte[] bytes, boolean digestStale) {
  public String sha256() {
    return Digests.sha256(bytes);
  }
}
