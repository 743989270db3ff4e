package io.platform.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRunnerTest {
  private final ProcessRunner runner = new ProcessRunner();

  @Test
  void capturesBothStreamsExitCodeAndEnvironment(@TempDir Path dir) throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    ExecResult result =
        runner.run(
            Command.of("sh", "-c", "echo out-$GREETING; pwd; echo err >&2; exit 3")
                .in(dir)
                .withEnvironment(Map.of("GREETING", "hello"))
                .onLine(lines::add));

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.succeeded()).isFalse();
    assertThat(result.stdout()).isEqualTo("out-hello\n" + dir.toRealPath() + "\n");
    assertThat(result.stderr()).isEqualTo("err\n");
    assertThat(lines).contains("out-hello", "err");
  }

  @Test
  void stdinIsClosedSoAPromptCannotHang() {
    ExecResult result = runner.run(Command.of("sh", "-c", "read answer; echo got:$answer"));

    assertThat(result.stdout()).isEqualTo("got:\n");
  }

  @Test
  void killsAProcessThatRunsPastItsTimeout() {
    ExecResult result =
        runner.run(Command.of("sh", "-c", "sleep 30").withTimeout(Duration.ofMillis(300)));

    assertThat(result.timedOut()).isTrue();
    assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(15));
    assertThatThrownBy(result::requireSuccess)
        .isInstanceOf(ExecException.class)
        .hasMessageContaining("timed out");
  }

  @Test
  void requireSuccessNamesTheProgramAndItsError() {
    ExecResult result =
        runner.run(Command.of("sh", "-c", "echo 'Error: no such bucket' >&2; exit 1"));

    assertThatThrownBy(result::requireSuccess)
        .isInstanceOf(ExecException.class)
        .hasMessage("sh exited with code 1: Error: no such bucket");
  }

  @Test
  void aMissingProgramIsAClearError() {
    assertThatThrownBy(() -> runner.run(Command.of("/nonexistent/terraform", "version")))
        .isInstanceOf(ExecException.class)
        .hasMessageStartingWith("cannot start /nonexistent/terraform");
  }
}
