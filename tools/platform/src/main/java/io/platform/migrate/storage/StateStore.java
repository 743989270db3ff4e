package io.platform.migrate.storage;

import java.util.Optional;

/**
 * Where a state lives: a local file, an S3 object with its lock, or whatever backend a Terraform or
 * Terragrunt directory is configured with.
 */
public interface StateStore {

  /** Names the location for people, e.g. {@code s3://bucket/key}; never holds a secret. */
  String describe();

  /** The state, or empty when none has been written yet. */
  Optional<StoredState> read();

  /** SHA-256 of the state, or empty when none has been written yet. */
  default Optional<String> sha256() {
    return read().map(StoredState::sha256);
  }

  /**
   * Writes the state under the store's lock, after checking, under that lock, that the current
   * state is the one expected.
   *
   * @param expected the state that must be there now (none, a SHA-256, or anything: forced)
   * @throws StateConflictException when the current state is not the expected one or the lock is
   *     held by someone else; nothing was written
   */
  void write(byte[] state, ExpectedState expected);

  /**
   * Brings the store's own record of what it holds in line with the state there (the lock table's
   * digest of an S3 state, after a write cut off between the object and the digest).
   *
   * @return whether the store keeps such a record; most keep none, and there is nothing to do
   */
  default boolean repairDigest() {
    return false;
  }

  /** Takes the store's lock (for freezing a source), or {@link StateLock#NONE} when it has none. */
  StateLock lock(String operation);
}
