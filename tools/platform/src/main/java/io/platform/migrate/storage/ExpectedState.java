package io.platform.migrate.storage;

import java.util.Optional;

/**
 * What must be at a destination for a write to go ahead, checked under the store's lock: no state
 * yet, the state with a given SHA-256, or anything at all (a forced write).
 */
public final class ExpectedState {
  private static final ExpectedState NONE = new ExpectedState("");
  private static final ExpectedState ANYTHING = new ExpectedState(null);

  /** "" for no state, null for anything, else the SHA-256. */
  private final String sha256;

  private ExpectedState(String sha256) {
    this.sha256 = sha256;
  }

  public static ExpectedState none() {
    return NONE;
  }

  public static ExpectedState anything() {
    return ANYTHING;
  }

  public static ExpectedState sha256(String sha256) {
    return new ExpectedState(sha256);
  }

  /** The state found now (or none) is what is expected: its SHA-256 when there is one. */
  public static ExpectedState as(Optional<StoredState> found) {
    return found.map(state -> sha256(state.sha256())).orElse(NONE);
  }

  /** Whether whatever is there may be overwritten. */
  public boolean forced() {
    return sha256 == null;
  }

  /**
   * @throws StateConflictException when the state found is not the one expected; nothing was
   *     written
   */
  public void check(StateStore store, Optional<StoredState> current) {
    if (forced()) {
      return;
    }
    String found = current.map(StoredState::sha256).orElse("");
    if (!found.equals(sha256)) {
      throw new StateConflictException(
          store.describe()
              + " changed since it was checked ("
              + (sha256.isEmpty() ? "no state was there" : "sha256 " + sha256.substring(0, 12))
              + ", now "
              + (found.isEmpty() ? "none" : "sha256 " + found.substring(0, 12))
              + "); nothing written");
    }
  }

  @Override
  public String toString() {
    return forced() ? "anything" : sha256.isEmpty() ? "no state" : "sha256 " + sha256;
  }
}
