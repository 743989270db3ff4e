package io.platform.migrate.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** A state file on disk, written whole as 0600 under an exclusive lock on a side file. */
public final class FileStateStore implements StateStore {
  private final Path file;

  public FileStateStore(Path file) {
    this.file = file.toAbsolutePath().normalize();
  }

  public Path file() {
    return file;
  }

  @Override
  public String describe() {
    return file.toString();
  }

  @Override
  public Optional<StoredState> read() {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(StoredState.of(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  @Override
  public Optional<String> sha256() {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Digests.sha256(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  @Override
  @SuppressWarnings("try") // the lock is held for the block, not used in it
  public void write(byte[] state, ExpectedState expected) {
    try (StateLock lock = lock("write")) {
      expected.check(this, read());
      PrivateFiles.write(file, state);
    }
  }

  @Override
  public StateLock lock(String operation) {
    Path lockFile = file.resolveSibling("." + file.getFileName() + ".lock");
    try {
      Files.createDirectories(file.getParent());
      FileChannel channel =
          FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock held = channel.tryLock();
      if (held == null) {
        channel.close();
        throw new StateConflictException(file + " is locked by another process");
      }
      return () -> {
        try {
          held.release();
          channel.close();
          Files.deleteIfExists(lockFile);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot release the lock on " + file, e);
        }
      };
    } catch (OverlappingFileLockException e) {
      throw new StateConflictException(file + " is already locked by this process");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + file, e);
    }
  }
}
