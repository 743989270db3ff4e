package io.platform.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import io.platform.exec.ExecResult;
import io.platform.toolchain.Toolchain;
import io.platform.toolchain.ToolsByName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What verify -v shows: every line the tools print, named by the unit that printed it. */
class TerragruntOutputTest {
  private static final Toolchain TOOLCHAIN = ToolsByName.TERRAFORM;

  @Test
  void everyLineOfEveryCommandReachesTheListenerPrefixedWithTheUnit() {
    List<String> shown = new ArrayList<>();
    Terragrunt terragrunt =
        new Terragrunt(
                command -> {
                  command.lineListener().accept("Initializing the backend...");
                  return new ExecResult(command, 0, "", "", Duration.ZERO, false);
                },
                TOOLCHAIN,
                Map.of())
            .withOutput(shown::add);

    terragrunt.init(Path.of("/live/local/vpc"), Duration.ofMinutes(1));

    assertThat(shown).containsExactly("vpc: Initializing the backend...");
  }

  @Test
  void withoutAListenerNothingIsHandedOn() {
    Terragrunt terragrunt =
        new Terragrunt(
            command -> new ExecResult(command, 0, "", "", Duration.ZERO, false),
            TOOLCHAIN,
            Map.of());

    assertThat(terragrunt.command(Path.of("/live/local/vpc"), List.of("plan")).lineListener())
        .isNull();
  }
}
