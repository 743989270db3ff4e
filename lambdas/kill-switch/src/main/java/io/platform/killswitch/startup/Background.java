package io.platform.killswitch.startup;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Work of the init phase started on a thread of its own, so that the independent parts of a cold
 * start (TLS set-up, each SDK client, the first read of the secret, Jackson) share the cores and
 * overlap their network waits instead of running one after the other. Not the common pool: on two
 * cores it has a single thread.
 */
public final class Background {
  private Background() {}

  /** Starts {@code task} on a new daemon thread (it never keeps the JVM alive). */
  public static <T> CompletableFuture<T> start(String name, Supplier<T> task) {
    return CompletableFuture.supplyAsync(
        task,
        runnable -> {
          Thread thread = new Thread(runnable, "kill-switch-init-" + name);
          thread.setDaemon(true);
          thread.start();
        });
  }

  /** Waits for the task: its result, or the very exception it threw, unwrapped. */
  public static <T> T join(CompletableFuture<T> task) {
    try {
      return task.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
