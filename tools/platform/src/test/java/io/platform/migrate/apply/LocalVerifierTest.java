package io.platform.migrate.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.platform.exec.CommandRunner;
import io.platform.exec.ExecResult;
import io.platform.live.Unit;
import io.platform.terraform.InitGate;
import io.platform.terraform.Terraform;
import io.platform.terraform.Terragrunt;
import io.platform.toolchain.Toolchain;
import io.platform.verify.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalVerifierTest {
  private static final Toolchain TOOLCHAIN =
      new Toolchain(Path.of("terraform"), Path.of("terragrunt"), Path.of("moto_server"), Path.of("rc"), Path.of("bin"), k -> null);

  @Test
  void theWorkingDirectoryIsTheSourceCopyPlusTheSubdirectoryAfterTheDoubleSlash(@TempDir Path download) throws IOException {
    Path copy = Files.createDirectories(download.resolve("hash1/hash2"));

    assertThat(LocalVerifier.workingDir(download, "/repo/live/../modules//vpc")).isEqualTo(copy.resolve("vpc"));
    assertThat(LocalVerifier.workingDir(download, "git::https://example.com/org/repo.git//modules/eks?ref=v1.2.0"))
        .isEqualTo(copy.resolve("modules/eks"));
    assertThat(LocalVerifier.workingDir(download, "/repo/modules/vpc")).isEqualTo(copy);
  }

  /** Terragrunt's plan hooks (a unit copying its Lambda jar next to the configuration) run only in a Terragrunt plan. */
  @Test
  void plansThroughTerragruntInTheDownloadDirectoryWithoutInitialisingAgainSoTheUnitsHooksRun(@TempDir Path scratch) {
    Path unitDir = scratch.resolve("live/kill-switch");
    List<String> calls = new ArrayList<>();
    List<String> backendAtPlan = new ArrayList<>();
    CommandRunner runner = command -> {
      List<String> argv = command.argv();
      String tool = Path.of(argv.get(0)).getFileName().toString();
      calls.add(tool + " " + String.join(" ", argv.subList(1, argv.size())) + " @ " + command.workingDir().getFileName());
      String stdout = "";
      if (tool.equals("terragrunt") && argv.get(1).equals("render")) {
        stdout = "{\"terraform\": {\"source\": \"/repo/live/../modules//kill-switch\"}}";
      } else if (tool.equals("terragrunt") && argv.get(1).equals("init")) {
        createDirectories(Path.of(argv.get(argv.indexOf("--download-dir") + 1)).resolve("h1/h2/kill-switch"));
      } else if (tool.equals("terragrunt") && argv.get(1).equals("plan")) {
        backendAtPlan.add(read(Path.of(argv.get(argv.indexOf("--download-dir") + 1)).resolve("h1/h2/kill-switch/" + LocalVerifier.OVERRIDE)));
      } else if (tool.equals("terraform") && argv.get(1).equals("show")) {
        stdout = "{\"format_version\": \"1.2\", \"output_changes\": {\"function_arn\": {\"actions\": [\"create\"]}}}";
      }
      return new ExecResult(command, 0, stdout, "", Duration.ZERO, false);
    };
    LocalVerifier verifier = new LocalVerifier(
        new Terragrunt(runner, TOOLCHAIN, Map.of()), new Terraform(runner, TOOLCHAIN, Map.of()), Duration.ofMinutes(1), new InitGate());

    // A work directory whose name HCL would read as a template: the backend path must stay literal.
    Path work = scratch.resolve("tmp-${USER}");
    createDirectories(work);

    Verdict verdict = verifier.verify(new Unit(unitDir, "kill-switch"), "{}".getBytes(StandardCharsets.UTF_8), work).verdict();

    assertThat(verdict).isEqualTo(Verdict.OUTPUT_ONLY);
    assertThat(calls).filteredOn(c -> c.contains(" plan ")).singleElement().satisfies(plan -> assertThat(plan)
        .startsWith("terragrunt plan --download-dir ")
        .contains(" --no-auto-init -- -input=false -lock=false -out=")
        .endsWith("@ kill-switch"));
    assertThat(calls).filteredOn(c -> c.startsWith("terraform init")).singleElement().satisfies(init -> assertThat(init)
        .isEqualTo("terraform init -reconfigure -input=false @ kill-switch"));
    assertThat(backendAtPlan).singleElement().satisfies(backend -> assertThat(backend)
        .containsPattern("backend \"local\" \\{\n    path = \".*/tmp-\\$\\$\\{USER\\}/local-kill-switch-[^/]+/unit.tfstate\"\n"));
    assertThat(work).isEmptyDirectory();
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
