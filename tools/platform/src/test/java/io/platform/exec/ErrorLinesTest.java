package io.platform.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.platform.Captures;
import org.junit.jupiter.api.Test;

class ErrorLinesTest {

  @Test
  void saysWhatTerraformSaidOfABrokenModuleInsteadOfThatInitFailed() {
    String output = Captures.read("exec/init-invalid-expression.txt");

    assertThat(ErrorLines.firstUseful(output, ""))
        .isEqualTo("Error: Invalid expression (main.tf line 2: input =)");
  }

  @Test
  void saysWhereABrokenTerragruntFileIsBroken() {
    String output = Captures.read("exec/terragrunt-hcl-missing-expression.txt");

    assertThat(ErrorLines.firstUseful(output, ""))
        .isEqualTo("Error: Missing expression (/work/units/c/terragrunt.hcl line 5)");
  }

  @Test
  void keepsTheAnnouncementWhenNoDiagnosticFollowsIt() {
    String output =
        """
        Error: Terraform encountered problems during initialisation, including problems
        with the configuration, described below.
        """;

    assertThat(ErrorLines.firstUseful(output))
        .startsWith("Error: Terraform encountered problems during initialisation");
  }

  @Test
  void picksTerraformsErrorLineOutOfItsDiagnosticBox() {
    String stderr =
        """
        \u001B[31m╷\u001B[0m
        \u001B[31m│\u001B[0m \u001B[1m\u001B[31mError: \u001B[0mError acquiring the state lock
        \u001B[31m│\u001B[0m
        \u001B[31m│\u001B[0m ConditionalCheckFailedException: The conditional request failed
        """;

    assertThat(ErrorLines.firstUseful(stderr, ""))
        .isEqualTo("Error: Error acquiring the state lock");
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

    assertThat(ErrorLines.firstUseful(stderr, ""))
        .isEqualTo("Error: Error acquiring the state lock");
  }

  @Test
  void fallsBackToTheLastLineOfTheFirstOutputThatHasOne() {
    assertThat(ErrorLines.firstUseful("", "first\nlast\n\n", "other")).isEqualTo("last");
    assertThat(ErrorLines.firstUseful(null, "")).isEmpty();
  }

  @Test
  void aProviderThatCouldNotBeInstalledSaysWhy() {
    String init =
        """
        Initializing provider plugins...
        - Installing hashicorp/aws v5.100.0...
        ╷
        │ Error: Failed to install provider
        │
        │ Error while installing hashicorp/aws v5.100.0: the local package for registry.opentofu.org/hashicorp/aws 5.100.0
        │ doesn't match any of the checksums previously recorded in the dependency lock file
        ╵
        """;

    assertThat(ErrorLines.firstUseful("", init))
        .isEqualTo(
            "Error: Failed to install provider: Error while installing"
                + " hashicorp/aws v5.100.0: the local package for registry.opentofu.org/hashicorp/aws 5.100.0"
                + " doesn't match any of the checksums previously recorded in the dependency lock file");
  }
}
