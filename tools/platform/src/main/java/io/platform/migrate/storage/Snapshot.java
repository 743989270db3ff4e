package io.platform.migrate.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The source state, read once into an owner-only, read-only file and hashed. Everything reads this
 * copy; {@link #check()} proves at the end of a run that neither the copy nor the source changed.
 */
public final class Snapshot {
  private final StateStore source;
  private final Path file;
  private final byte[] bytes;
  private final String sha256;

  private Snapshot(StateStore source, Path file, byte[] bytes) {
    this.source = source;
    this.file = file;
    this.bytes = bytes;
    this.sha256 = Digests.sha256(bytes);
  }

  /** Reads the source into {@code dir} (a private directory). */
  public static Snapshot take(StateStore source, Path dir) {
    StoredState state =
        source
            .read()
            .orElseThrow(() -> new IllegalArgumentException("no state at " + source.describe()));
    if (state.digest() == StoredState.Digest.DIFFERS) {
      throw new IllegalStateException(
          source.describe()
              + " does not match its digest in the lock table: a write to it was interrupted or is under way; "
              + "resolve that (terraform state pull shows the error) before migrating");
    }
    Path file = dir.resolve("source.tfstate");
    PrivateFiles.write(file, state.bytes());
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the snapshot read-only", e);
    }
    return new Snapshot(source, file, state.bytes());
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  public String sha256() {
    return sha256;
  }

  public String location() {
    return source.describe();
  }

  /**
   * Hashes the snapshot file and the source again.
   *
   * @param snapshotAfter SHA-256 of the snapshot file now
   * @param sourceAfter SHA-256 of the source now, or an explanation when it could not be read
   */
  public record Check(String location, String before, String snapshotAfter, String sourceAfter) {
    public boolean unchanged() {
      return before.equals(snapshotAfter) && before.equals(sourceAfter);
    }
  }

  public Check check() {
    String snapshotAfter;
    try {
      snapshotAfter = Digests.sha256(file);
    } catch (IOException e) {
      snapshotAfter = "unreadable: " + e.getMessage();
    }
    String sourceAfter;
    try {
      sourceAfter = source.sha256().orElse("gone");
    } catch (RuntimeException e) {
      sourceAfter = "unreadable: " + e.getMessage();
    }
    return new Check(source.describe(), sha256, snapshotAfter, sourceAfter);
  }
}
