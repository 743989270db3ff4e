package io.platform.killswitch.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BackgroundTest {

  @Test
  void runsTheTaskOnADaemonThreadOfItsOwn() {
    Thread caller = Thread.currentThread();

    Thread worker = Background.join(Background.start("probe", Thread::currentThread));

    assertThat(worker).isNotSameAs(caller);
    assertThat(worker.isDaemon()).isTrue();
    assertThat(worker.getName()).isEqualTo("kill-switch-init-probe");
  }

  @Test
  void joiningRethrowsTheTasksOwnException() {
    IllegalStateException failure = new IllegalStateException("no region");
    CompletableFuture<Object> task =
        Background.start(
            "failing",
            () -> {
              throw failure;
            });

    assertThatThrownBy(() -> Background.join(task)).isSameAs(failure);
  }
}
