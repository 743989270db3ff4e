package io.platform.migrate.apply;

import io.platform.migrate.storage.Snapshot;
import java.util.function.Consumer;

/** The end-of-run proof that the monolith was not touched. */
public final class SourceCheck {
  private SourceCheck() {}

  /**
   * Hashes snapshot and source again; a difference is an error that outranks any other. An
   * unchanged source is said only after a run that succeeded: before a run's error or refusal it
   * would read as success (the report still holds the check).
   */
  public static Snapshot.Check report(
      Snapshot snapshot, boolean succeeded, Consumer<String> progress) {
    Snapshot.Check check = snapshot.check();
    if (!check.unchanged()) {
      throw new IllegalStateException(
          "the source changed during the run: "
              + check.location()
              + " was sha256 "
              + check.before()
              + ", the snapshot is now "
              + check.snapshotAfter()
              + ", the source "
              + check.sourceAfter());
    }
    if (succeeded) {
      progress.accept("source unchanged: " + check.location() + " (sha256 " + check.before() + ")");
    }
    return check;
  }
}
