package io.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.platform.exec.Command;
import io.platform.exec.ExecResult;
import io.platform.exec.ProcessRunner;
import io.platform.exit.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion script, sourced in a real bash that then completes what a user types. */
class CompletionCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** What bash offers for the words typed so far, the last one being completed. */
  private static String complete(Path script, String... words) {
    String line = String.join(" ", words);
    String bash =
        "source '"
            + script
            + "' && complete -p platform && COMP_WORDS=("
            + line
            + ") && COMP_CWORD="
            + (words.length - 1)
            + " && COMP_LINE='"
            + line
            + "' && COMP_POINT="
            + line.length()
            + " && _complete_platform 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"";
    ExecResult run =
        new ProcessRunner().run(Command.of("bash", "-c", bash).withTimeout(Duration.ofSeconds(30)));
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    return run.stdout();
  }

  @Test
  void aBashThatSourcedTheScriptCompletesSubcommandsAndOptions(@TempDir Path dir)
      throws IOException {
    assertThat(
            PlatformCommand.run(
                new PrintWriter(out, true), new PrintWriter(err, true), "completion", "bash"))
        .isZero();
    Path script = Files.writeString(dir.resolve("platform.bash"), out.toString());

    assertThat(complete(script, "platform", "ver"))
        .startsWith("complete -o default -F _complete_platform platform\n")
        .contains("\nverify\n");
    assertThat(complete(script, "platform", "migrate", "")).contains("\nplan\n", "\napply\n");
    assertThat(complete(script, "platform", "verify", "--par").lines()).contains("--parallelism");
  }

  @Test
  void aShellItCannotServeIsABadCommandLine() {
    assertThat(
            PlatformCommand.run(
                new PrintWriter(out, true), new PrintWriter(err, true), "completion", "fish"))
        .isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString().lines().findFirst())
        .hasValue("error: the shell must be bash or zsh, not fish");
  }
}
