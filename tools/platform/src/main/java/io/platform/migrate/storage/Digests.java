package io.platform.migrate.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hex digests of state bytes: SHA-256 for snapshots and plans, MD5 for the lock table. */
public final class Digests {
  private Digests() {}

  public static String sha256(byte[] bytes) {
    return hex("SHA-256", bytes);
  }

  /** SHA-256 of a file, read as a stream: a large state is not held in memory twice. */
  public static String sha256(Path file) throws IOException {
    MessageDigest digest = digest("SHA-256");
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  public static String md5(byte[] bytes) {
    return hex("MD5", bytes);
  }

  private static String hex(String algorithm, byte[] bytes) {
    return HexFormat.of().formatHex(digest(algorithm).digest(bytes));
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is not available", e);
    }
  }
}
