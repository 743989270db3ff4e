package io.platform.migrate.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hex digests of state bytes: SHA-256 for snapshots and plans, MD5 for the lock table. */
public final class Digests {
  private Digests() {}

  public static String sha256(byte[] bytes) {
    return hex("SHA-256", bytes);
  }

  public static String md5(byte[] bytes) {
    return hex("MD5", bytes);
  }

  private static String hex(String algorithm, byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is not available", e);
    }
  }
}
