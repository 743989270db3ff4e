package io.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return PlatformCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void helpListsTheSubcommandsAndExitCodes() {
    assertThat(run("--help")).isZero();

    assertThat(out.toString())
        .contains("local", "emulator", "bootstrap", "verify")
        .contains("Exit codes:")
        .contains("64", "would change");
  }

  @Test
  void aBadCommandLineExits64NotTheChangesCode() {
    assertThat(run("verify", "--parallelism", "many", "live")).isEqualTo(PlatformCommand.EXIT_USAGE);
    assertThat(err.toString()).contains("--parallelism");
  }

  @Test
  void anExpectedFailureIsOneLineOnStderrNotAStackTrace() {
    int exit = run("verify", "/definitely/not/here");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString().strip()).startsWith("error: ").doesNotContain("\tat ");
  }

  @Test
  void graphOfAMissingDirectoryOrOfOneWithoutUnitsIsAClearError(@TempDir Path empty) {
    assertThat(run("graph", "/definitely/not/here")).isEqualTo(1);
    assertThat(err.toString()).contains("error: not a directory: /definitely/not/here");

    assertThat(run("graph", empty.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("error: no units (terragrunt.hcl) under " + empty);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void killSwitchRestoreNeedsASecretIdAndTakesAKeyFileOnlyWhenRotating() {
    assertThat(run("kill-switch", "restore")).isEqualTo(PlatformCommand.EXIT_USAGE);
    assertThat(err.toString()).contains("--secret-id");

    int exit = run("kill-switch", "restore", "--secret-id", "s", "--region", "us-east-1", "--secret-key-file", "k.json");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("error: --secret-key-file goes with --rotate");
  }
}
