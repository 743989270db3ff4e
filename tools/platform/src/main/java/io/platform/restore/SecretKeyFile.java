package io.platform.restore;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where a new secret access key goes when it is asked for: a file that only its owner can read,
 * created before the key exists (so that a path that cannot be written fails first) and never
 * overwritten.
 */
final class SecretKeyFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path path;

  private SecretKeyFile(Path path) {
    this.path = path;
  }

  /** Creates the empty file with mode 0600; refuses a path that exists. */
  static SecretKeyFile create(Path path) {
    try {
      Path parent = path.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.createFile(
          path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      return new SecretKeyFile(path);
    } catch (FileAlreadyExistsException e) {
      throw new IllegalArgumentException(
          path + " exists; name a new file for the secret access key", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + path, e);
    }
  }

  void write(String username, String accessKeyId, String secretAccessKey) {
    try {
      Files.writeString(
          path,
          JSON.createObjectNode()
                  .put(ServiceUserSecret.USERNAME, username)
                  .put(ServiceUserSecret.ACCESS_KEY_ID, accessKeyId)
                  .put(ServiceUserSecret.SECRET_ACCESS_KEY, secretAccessKey)
                  .toString()
              + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  /** Removes the file again when no key was written into it. */
  void discard() {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + path, e);
    }
  }

  Path path() {
    return path;
  }
}
