package io.platform.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorLinesTest {

  @Test
  void picksTerraformsErrorLineOutOfItsDiagnosticBox() {
    String stderr =
        """
        \u001B[31m╷\u001B[0m
        \u001B[31m│\u001B[0m \u001B[1m\u001B[31mError: \u001B[0mError acquiring the state lock
        \u001B[31m│\u001B[0m
        \u001B[31m│\u001B[0m ConditionalCheckFailedException: The conditional request failed
        """;

    assertThat(ErrorLines.firstUseful(stderr, "")).isEqualTo("Error: Error acquiring the state lock");
  }

  @Test
  void picksTerragruntErrorLines() {
    assertThat(ErrorLines.firstUseful("12:00:01 INFO  starting\n12:00:02 ERROR  unit failed\n", ""))
        .isEqualTo("12:00:02 ERROR  unit failed");
  }

  @Test
  void prefersTerraformsDiagnosticWhenTerragruntRelaysIt() {
    String stderr =
        """
        03:48:13.619 ERROR  error occurred:
        * Failed to execute "terraform plan" in ./.terragrunt-cache/x/y
          │ Error: Error acquiring the state lock
        03:48:13.700 STDERR terraform: │ Error: Error acquiring the state lock
        """;

    assertThat(ErrorLines.firstUseful(stderr, "")).isEqualTo("Error: Error acquiring the state lock");
  }

  @Test
  void fallsBackToTheLastLineOfTheFirstOutputThatHasOne() {
    assertThat(ErrorLines.firstUseful("", "first\nlast\n\n", "other")).isEqualTo("last");
    assertThat(ErrorLines.firstUseful(null, "")).isEmpty();
  }
}
