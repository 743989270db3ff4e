package io.platform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Lines as Terragrunt 1.1 prints them during run --all apply, captured from live/local. */
class ApplyProgressTest {
  @Test
  void eachUnitIsSaidWhenItStartsAndWhenItsApplyCompletes() {
    List<String> progress = new ArrayList<>();
    List<String> tools = new ArrayList<>();
    AtomicLong clock = new AtomicLong();
    ApplyProgress apply = new ApplyProgress(progress::add, tools::add, clock::get);

    apply.accept(
        "12:47:43.232 INFO   The following units will be run, starting with dependencies and then their dependents:");
    apply.accept("12:47:45.495 STDOUT [vpc] terraform: data.aws_region.current[0]: Reading...");
    apply.accept("12:47:45.498 STDOUT [athena] tofu: data.aws_partition.current: Reading...");
    clock.set(17_400_000_000L);
    apply.accept(
        "12:48:02.393 STDOUT [vpc] terraform: Apply complete! Resources: 28 added, 0 changed, 0 destroyed.");
    apply.accept("12:48:43.336 INFO   [kill-switch] Executing hook: kill_switch_jar");

    assertThat(progress)
        .containsExactly(
            "apply: vpc started",
            "apply: athena started",
            "apply: vpc done in 17 s (28 added, 0 changed, 0 destroyed)");
    assertThat(tools).hasSize(5);
  }
}
