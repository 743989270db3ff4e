package io.platform.migrate.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;

/** Files that hold state (and so secrets): owner-only, written whole, removed after use. */
public final class PrivateFiles {
  private PrivateFiles() {}

  /** A new directory only its owner can enter, in the system's temporary directory. */
  public static Path directory(String prefix) {
    try {
      return Files.createTempDirectory(prefix, ownerOnly());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a private temporary directory", e);
    }
  }

  /**
   * A new directory only its owner can enter, in {@code parent}, named {@code prefix} and a unique
   * suffix.
   */
  public static Path directory(Path parent, String prefix) {
    try {
      return Files.createTempDirectory(parent, prefix, ownerOnly());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a private directory in " + parent, e);
    }
  }

  private static FileAttribute<?> ownerOnly() {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
  }

  /** Writes {@code bytes} to {@code file} as 0600, replacing it atomically. */
  public static void write(Path file, byte[] bytes) {
    Path dir = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path temp =
          Files.createTempFile(
              dir,
              "." + file.getFileName(),
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try {
        Files.write(temp, bytes, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Removes a directory and everything below it. */
  public static void delete(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        path.toFile().setWritable(true);
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir, e);
    }
  }
}
