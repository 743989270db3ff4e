package io.platform.migrate.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.platform.live.Unit;
import io.platform.verify.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchCopyVerifierTest {
  @Test
  void theWorkingDirectoryIsTheSourceCopyPlusTheSubdirectoryAfterTheDoubleSlash(
      @TempDir Path download) throws IOException {
    Path copy = Files.createDirectories(download.resolve("hash1/hash2"));

    assertThat(ScratchCopyVerifier.workingDir(download, "/repo/live/../modules//vpc"))
        .isEqualTo(copy.resolve("vpc"));
    assertThat(
            ScratchCopyVerifier.workingDir(
                download, "git::https://example.com/org/repo.git//modules/eks?ref=v1.2.0"))
        .isEqualTo(copy.resolve("modules/eks"));
    assertThat(ScratchCopyVerifier.workingDir(download, "/repo/modules/vpc")).isEqualTo(copy);
  }

  @Test
  void ofTheCopiesOfAUnitWithDependenciesItsOwnIsTheOneInitialisedInItsSourceDirectory(
      @TempDir Path download) throws IOException {
    for (String hash : List.of("a1", "b2", "c3")) {
      for (String module : List.of("api", "app", "network")) {
        Files.createDirectories(download.resolve(hash + "/h/" + module));
      }
    }
    Files.createDirectories(download.resolve("a1/h/network/.terraform"));
    Files.createDirectories(download.resolve("b2/h/app/.terraform"));
    Files.createDirectories(download.resolve("c3/h/api/.terraform"));

    assertThat(ScratchCopyVerifier.workingDir(download, "/repo/modules//api"))
        .isEqualTo(download.resolve("c3/h/api"));
    assertThat(ScratchCopyVerifier.workingDir(download, "/repo/modules//network"))
        .isEqualTo(download.resolve("a1/h/network"));
  }

  /**
   * Terragrunt's plan hooks (a unit copying its Lambda jar next to the configuration) run only in a
   * Terragrunt plan.
   */
  @Test
  void plansThroughTerragruntInTheDownloadDirectoryWithoutInitialisingAgainSoTheUnitsHooksRun(
      @TempDir Path scratch) {
    FakeEngine tools = new FakeEngine().localPlan("kill-switch", OUTPUT_CHANGE);
    // A work directory whose name HCL would read as a template: the backend path must stay literal.
    Path work = scratch.resolve("tmp-${USER}");
    FakeEngine.createDirectories(work);
    byte[] sliced = "{\"serial\": 1}".getBytes(StandardCharsets.UTF_8);

    ScratchCopyVerifier.LocalPlan plan =
        tools
            .localCopyVerifier()
            .verify(
                new Unit(scratch.resolve("live/kill-switch"), "kill-switch"), sliced, work, false);

    assertThat(plan.summary().verdict()).isEqualTo(Verdict.OUTPUT_ONLY);
    assertThat(plan.outputsWritten()).isFalse();
    assertThat(plan.state()).isEqualTo(sliced);
    assertThat(tools.calls)
        .filteredOn(c -> c.contains(" plan "))
        .singleElement()
        .satisfies(
            call ->
                assertThat(call)
                    .startsWith("terragrunt plan --download-dir ")
                    .contains(" --no-auto-init -- -input=false -lock=false -out=")
                    .endsWith("@ kill-switch"));
    assertThat(tools.calls)
        .filteredOn(c -> c.startsWith("terraform init"))
        .singleElement()
        .satisfies(
            init ->
                assertThat(init)
                    .isEqualTo("terraform init -reconfigure -input=false @ kill-switch"));
    assertThat(tools.calls).noneMatch(c -> c.contains(" apply "));
    assertThat(tools.backendAtPlan)
        .singleElement()
        .satisfies(
            backend ->
                assertThat(backend)
                    .containsPattern(
                        "backend \"local\" \\{\n    path = \".*/tmp-\\$\\$\\{USER\\}/local-kill-switch-[^/]+/unit.tfstate\"\n"));
    assertThat(work).isEmptyDirectory();
  }

  @Test
  void anOutputOnlyPlanIsAppliedToTheLocalCopyAndThatCopyIsWhatGetsPushed(@TempDir Path scratch) {
    FakeEngine tools =
        new FakeEngine().localPlan("kill-switch", OUTPUT_CHANGE).onLocalApply(s -> APPLIED_STATE);

    ScratchCopyVerifier.LocalPlan plan =
        tools
            .localCopyVerifier()
            .verify(
                new Unit(scratch.resolve("live/kill-switch"), "kill-switch"),
                "{\"serial\": 1}".getBytes(StandardCharsets.UTF_8),
                scratch,
                true);

    assertThat(plan.summary().verdict()).isEqualTo(Verdict.OUTPUT_ONLY);
    assertThat(plan.outputsWritten()).isTrue();
    assertThat(new String(plan.state(), StandardCharsets.UTF_8)).isEqualTo(APPLIED_STATE);
    // The saved plan itself, through Terragrunt (the unit's apply hooks), in the same download
    // directory.
    String planFile =
        tools.calls.stream()
            .filter(c -> c.contains(" plan "))
            .findFirst()
            .orElseThrow()
            .replaceAll(".* -out=(\\S+) @.*", "$1");
    assertThat(tools.calls)
        .filteredOn(c -> c.contains(" apply "))
        .singleElement()
        .satisfies(
            call ->
                assertThat(call)
                    .startsWith("terragrunt apply --download-dir ")
                    .endsWith(
                        " --no-auto-init -- -input=false -lock=false "
                            + planFile
                            + " @ kill-switch"));
    assertThat(scratch)
        .isDirectoryNotContaining(p -> p.getFileName().toString().startsWith("local-"));
  }

  @Test
  void aCleanPlanIsNotApplied(@TempDir Path scratch) {
    FakeEngine tools = new FakeEngine();
    byte[] sliced = "{\"serial\": 1}".getBytes(StandardCharsets.UTF_8);

    ScratchCopyVerifier.LocalPlan plan =
        tools
            .localCopyVerifier()
            .verify(new Unit(scratch.resolve("live/vpc"), "vpc"), sliced, scratch, true);

    assertThat(plan.summary().verdict()).isEqualTo(Verdict.CLEAN);
    assertThat(plan.outputsWritten()).isFalse();
    assertThat(plan.state()).isEqualTo(sliced);
    assertThat(tools.calls).noneMatch(c -> c.contains(" apply "));
  }

  private static final String OUTPUT_CHANGE =
      "{\"format_version\": \"1.2\", \"output_changes\": {\"function_arn\": {\"actions\": [\"create\"]}}}";
  private static final String APPLIED_STATE =
      "{\"serial\": 2, \"outputs\": {\"function_arn\": {}}}";
}
