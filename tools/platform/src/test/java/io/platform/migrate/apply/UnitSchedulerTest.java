package io.platform.migrate.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class UnitSchedulerTest {
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());

  /** Counted down when the scheduler has taken a result to be a failure. */
  private final CountDownLatch failureSeen = new CountDownLatch(1);

  private List<String> run(
      int parallelism,
      List<String> order,
      Map<String, List<String>> waitsFor,
      Function<String, String> work) {
    return new UnitScheduler(parallelism)
        .run(
            order,
            waitsFor,
            unit -> {
              events.add("start " + unit);
              String result = work.apply(unit);
              events.add("end " + unit);
              return result;
            },
            result -> {
              boolean ok = result.endsWith(" ok");
              if (!ok) {
                failureSeen.countDown();
              }
              return ok;
            },
            (unit, reason) -> unit + " not started: " + reason);
  }

  @Test
  void unitsThatDoNotWaitForEachOtherRunAtTheSameTime() {
    CountDownLatch bothRunning = new CountDownLatch(2);

    List<String> results =
        run(
            2,
            List.of("athena", "vpc"),
            Map.of(),
            unit -> {
              bothRunning.countDown();
              return await(bothRunning) ? unit + " ok" : unit + " ran alone";
            });

    assertThat(results).containsExactly("athena ok", "vpc ok");
  }

  @Test
  void aUnitStartsOnlyAfterEveryUnitItWaitsForHasSucceeded() {
    List<String> results =
        run(
            3,
            List.of("vpc", "athena", "eks", "alb"),
            Map.of("eks", List.of("vpc"), "alb", List.of("vpc", "eks")),
            unit -> unit + " ok");

    assertThat(results).containsExactly("vpc ok", "athena ok", "eks ok", "alb ok");
    assertThat(events.indexOf("start eks")).isGreaterThan(events.indexOf("end vpc"));
    assertThat(events.indexOf("start alb")).isGreaterThan(events.indexOf("end eks"));
  }

  @Test
  void neverRunsMoreUnitsAtOnceThanAllowed() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();

    run(
        2,
        List.of("a", "b", "c", "d", "e"),
        Map.of(),
        unit -> {
          most.accumulateAndGet(running.incrementAndGet(), Math::max);
          sleep(50);
          running.decrementAndGet();
          return unit + " ok";
        });

    assertThat(most.get()).isEqualTo(2);
  }

  @Test
  void afterAFailureNoUnitStartsAndTheResultSaysWhichUnitFailed() {
    List<String> results =
        run(
            1,
            List.of("vpc", "athena", "eks"),
            Map.of("eks", List.of("vpc")),
            unit -> unit.equals("vpc") ? "vpc failed" : unit + " ok");

    assertThat(results)
        .containsExactly(
            "vpc failed",
            "athena not started: unit vpc failed",
            "eks not started: unit vpc failed");
    assertThat(events).containsExactly("start vpc", "end vpc");
  }

  @Test
  void unitsRunningWhenAnotherFailsFinish() {
    List<String> results =
        run(
            2,
            List.of("vpc", "athena", "eks"),
            Map.of(),
            unit ->
                switch (unit) {
                  case "vpc" -> "vpc failed";
                  case "athena" -> await(failureSeen) ? "athena ok" : "athena never saw vpc fail";
                  default -> unit + " ok";
                });

    assertThat(results)
        .containsExactly("vpc failed", "athena ok", "eks not started: unit vpc failed");
  }

  @Test
  void aDependencyOutsideTheRunIsRefusedBeforeAnythingStarts() {
    assertThatThrownBy(
            () -> run(2, List.of("eks"), Map.of("eks", List.of("vpc")), unit -> unit + " ok"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unit eks waits for vpc, which is not in the run");
    assertThat(events).isEmpty();
  }

  @Test
  void aUnitThatThrowsEndsTheRunWithItsExceptionOnceTheUnitsRunningHaveFinished() {
    CountDownLatch vpcThrowing = new CountDownLatch(1);

    assertThatThrownBy(
            () ->
                run(
                    2,
                    List.of("athena", "vpc", "eks"),
                    Map.of(),
                    unit -> {
                      if (unit.equals("athena")) {
                        // Ends only well after vpc threw, however late a busy machine starts vpc.
                        await(vpcThrowing);
                        sleep(300);
                        return "athena ok";
                      }
                      vpcThrowing.countDown();
                      throw new IllegalStateException("boom in " + unit);
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom in vpc");
    assertThat(events).containsExactlyInAnyOrder("start athena", "start vpc", "end athena");
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void sleep(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
