package io.platform.terraform;

import io.platform.toolchain.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs the first {@code init} of units sharing a provider lock file (or having none) alone: a
 * shared provider cache ({@code plugin_cache_dir}) is not safe for two inits installing the same
 * providers into it at once. Later inits of those units run side by side, reading what the first
 * one installed; units with different lock files are not held back by each other.
 */
public final class InitGate {
  private final ConcurrentHashMap<String, CompletableFuture<Void>> firstInits =
      new ConcurrentHashMap<>();

  /** Runs {@code init} for the unit in {@code unitDir}, after the first init of its lock file. */
  public <T> T init(Path unitDir, Supplier<T> init) {
    CompletableFuture<Void> mine = new CompletableFuture<>();
    CompletableFuture<Void> first = firstInits.putIfAbsent(lockKey(unitDir), mine);
    if (first != null) {
      first.join();
      return init.get();
    }
    try {
      return init.get();
    } finally {
      mine.complete(null);
    }
  }

  /**
   * A unit Terragrunt has already downloaded and initialised for this engine: its cache, or for
   * OpenTofu the folder in it where the live tree keeps OpenTofu's copies (root.hcl's
   * download_dir).
   */
  public static boolean initialised(Path unitDir, Engine engine) {
    Path cache = unitDir.resolve(".terragrunt-cache");
    return Files.isDirectory(engine == Engine.TERRAFORM ? cache : cache.resolve(engine.command()));
  }

  /** Units with the same provider lock file install the same providers into the cache. */
  private static String lockKey(Path unitDir) {
    Path lock = unitDir.resolve(".terraform.lock.hcl");
    if (!Files.isRegularFile(lock)) {
      return "no-lock-file";
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(lock));
      return HexFormat.of().formatHex(digest);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
