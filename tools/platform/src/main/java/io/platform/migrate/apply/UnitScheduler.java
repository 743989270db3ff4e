package io.platform.migrate.apply;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs units side by side as far as their dependencies allow: a unit starts once every unit it
 * waits for has succeeded, at most {@code parallelism} at a time. After the first failure no unit
 * starts; the ones running finish.
 */
final class UnitScheduler {
  private final int parallelism;

  /**
   * @param parallelism at least 1, as {@link MigrationApplier.Options} ensures
   */
  UnitScheduler(int parallelism) {
    this.parallelism = parallelism;
  }

  private record Finished<R>(String unit, R result) {}

  /**
   * @param order the units, in the order they are started when several could start
   * @param waitsFor unit to the units (all in {@code order}) it waits for
   * @param notStarted the result of a unit that was not started, with the reason
   * @return every unit's result, in {@code order}
   */
  <R> List<R> run(
      List<String> order,
      Map<String, List<String>> waitsFor,
      Function<String, R> work,
      Predicate<R> succeeded,
      BiFunction<String, String, R> notStarted) {
    for (String unit : order) {
      for (String dependency : waitsFor.getOrDefault(unit, List.of())) {
        if (!order.contains(dependency)) {
          throw new IllegalArgumentException(
              "unit " + unit + " waits for " + dependency + ", which is not in the run");
        }
      }
    }
    Map<String, R> results = new LinkedHashMap<>();
    Set<String> succeededUnits = new HashSet<>();
    List<String> pending = new ArrayList<>(order);
    // Unbounded pool: the limit is what this loop submits, not the number of threads.
    ExecutorService pool = Executors.newCachedThreadPool();
    CompletionService<Finished<R>> finished = new ExecutorCompletionService<>(pool);
    String failed = null;
    int running = 0;
    try {
      while (true) {
        for (int i = 0; failed == null && running < parallelism && i < pending.size(); ) {
          String unit = pending.get(i);
          if (succeededUnits.containsAll(waitsFor.getOrDefault(unit, List.of()))) {
            pending.remove(i);
            finished.submit(() -> new Finished<>(unit, work.apply(unit)));
            running++;
          } else {
            i++;
          }
        }
        if (running == 0) {
          break;
        }
        Finished<R> done = finished.take().get();
        running--;
        results.put(done.unit(), done.result());
        if (succeeded.test(done.result())) {
          succeededUnits.add(done.unit());
        } else if (failed == null) {
          failed = done.unit();
        }
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while units were running", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    } finally {
      // Units still running (a unit threw, or the run was interrupted) finish before the caller
      // moves on: it releases the source's lock and removes the scratch directory.
      pool.shutdown();
      awaitUninterruptibly(pool);
    }
    String reason =
        failed != null
            ? "unit " + failed + " failed"
            : "waits for a unit that cannot run first (a dependency cycle)";
    pending.forEach(unit -> results.put(unit, notStarted.apply(unit, reason)));
    return order.stream().map(results::get).toList();
  }

  private static void awaitUninterruptibly(ExecutorService pool) {
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
