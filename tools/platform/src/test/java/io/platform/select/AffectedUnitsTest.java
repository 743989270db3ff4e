package io.platform.select;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.platform.Captures;
import io.platform.live.Unit;
import io.platform.verify.Scope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which units of this repository's {@code live/local} a change selects, from what Terragrunt itself
 * reports the units read (a capture of {@code terragrunt find --reading}) laid over a copy of the
 * repository's layout.
 */
class AffectedUnitsTest {
  static final List<String> UNITS =
      List.of("athena", "vpc", "cloudflared-ec2", "kill-switch", "rds", "eks", "alb");

  @TempDir Path repo;
  private Path tree;
  private List<Unit> units;
  private JsonNode found;

  @BeforeEach
  void layOutTheRepository() throws IOException {
    tree = repo.resolve("live/local");
    units = new ArrayList<>();
    for (String name : UNITS) {
      Files.createDirectories(tree.resolve(name));
      Files.writeString(tree.resolve(name).resolve("terragrunt.hcl"), "");
      units.add(new Unit(tree.resolve(name), name));
    }
    Files.createDirectories(repo.resolve("lambdas/kill-switch/src/main/java"));
    Files.writeString(repo.resolve("lambdas/kill-switch/pom.xml"), "<project/>");
    found = new ObjectMapper().readTree(Captures.read("select/live-local-find.json"));
  }

  @Test
  void aModuleChangeSelectsItsUnitsAndEveryUnitThatDependsOnThemAndNothingElse() {
    Scope selection = select("modules/vpc/main.tf");

    assertThat(selection.reasons())
        .containsOnlyKeys("vpc", "cloudflared-ec2", "rds", "eks", "alb")
        .containsEntry("vpc", "module modules/vpc changed: modules/vpc/main.tf")
        .containsEntry("cloudflared-ec2", "depends on vpc")
        .containsEntry("rds", "depends on vpc");
    assertThat(selection.candidates()).isEqualTo(7);
    assertThat(selection.description()).isEqualTo("affected since main (1 file changed)");
  }

  @Test
  void aTemplateOfAModuleCountsThoughTerragruntListsOnlyItsTerraformFiles() {
    // Terragrunt's reading list (and so its git filter) has no .tftpl file of the module.
    assertThat(found.toString()).doesNotContain("user-data.sh.tftpl");

    Scope selection = select("modules/cloudflared-ec2/templates/user-data.sh.tftpl");

    assertThat(selection.reasons())
        .containsOnlyKeys("cloudflared-ec2", "eks", "alb")
        .containsEntry(
            "cloudflared-ec2",
            "module modules/cloudflared-ec2 changed: modules/cloudflared-ec2/templates/user-data.sh.tftpl")
        .containsEntry("eks", "depends on cloudflared-ec2");
  }

  @Test
  void aLambdaSourceSelectsTheUnitThatDeploysItsJar() {
    Scope selection =
        select("lambdas/kill-switch/src/main/java/io/platform/killswitch/Handler.java");

    assertThat(selection.reasons())
        .containsOnlyKeys("kill-switch")
        .containsEntry(
            "kill-switch",
            "built from lambdas/kill-switch (reads lambdas/kill-switch/target/kill-switch.jar): "
                + "lambdas/kill-switch/src/main/java/io/platform/killswitch/Handler.java changed");
  }

  @Test
  void theParentPomSelectsTheUnitThatDeploysTheJarItVersions() {
    assertThat(select("pom.xml").reasons()).containsOnlyKeys("kill-switch");
  }

  @Test
  void aSharedFileSelectsTheUnitsThatReadIt() {
    assertThat(select("live/_envcommon/rds.hcl").reasons())
        .containsOnlyKeys("rds")
        .containsEntry("rds", "reads live/_envcommon/rds.hcl, which changed");
    assertThat(select("live/local/env.hcl").reasons()).containsOnlyKeys(UNITS);
    assertThat(select("live/root.hcl").reasons()).containsOnlyKeys(UNITS);
    // Marked as read in root.hcl's locals: Terragrunt's find evaluates no generate block.
    assertThat(select("live/provider.tf.tftpl").reasons()).containsOnlyKeys(UNITS);
    assertThat(select("toolchain.properties").reasons())
        .containsOnlyKeys(UNITS)
        .containsEntry("vpc", "reads toolchain.properties, which changed");
  }

  @Test
  void aUnitsOwnFileSelectsItAndItsDependents() {
    assertThat(select("live/local/athena/terragrunt.hcl").reasons())
        .containsOnlyKeys("athena", "kill-switch")
        .containsEntry("athena", "changed: live/local/athena/terragrunt.hcl")
        .containsEntry("kill-switch", "depends on athena");
  }

  @Test
  void whatNoUnitReadsSelectsNothing() {
    Scope selection =
        select(
            "docs/verify.md",
            "README.md",
            "lambdas/kill-switch/README.md",
            "tools/platform/pom.xml");

    assertThat(selection.reasons()).isEmpty();
    assertThat(selection.description()).isEqualTo("affected since main (4 files changed)");
  }

  @Test
  void aChangeToALocalModuleThatModulesCallSelectsTheUnitsOfEachCallerAndTheirDependents() {
    Scope selection = select("modules/_kms-key/main.tf");

    assertThat(selection.reasons())
        .containsOnlyKeys("athena", "cloudflared-ec2", "kill-switch", "rds", "eks", "alb")
        .containsEntry(
            "eks",
            "module modules/_kms-key changed (called by modules/eks): modules/_kms-key/main.tf")
        .containsEntry("alb", "depends on cloudflared-ec2");
  }

  @Test
  void theReasonsFollowTheOrderOfTheUnitsGiven() {
    assertThat(select("live/local/env.hcl").reasons().keySet()).containsExactlyElementsOf(UNITS);
  }

  @Test
  void unitsLeftOutByTheFiltersAreNotSelectedAsDependents() {
    List<Unit> some = units.stream().filter(u -> !u.name().equals("eks")).toList();

    Scope selection =
        AffectedUnits.select(tree, found, some, change("modules/vpc/main.tf"), this::calls);

    assertThat(selection.reasons()).doesNotContainKey("eks").containsEntry("alb", "depends on vpc");
  }

  private Scope select(String... changed) {
    return AffectedUnits.select(tree, found, units, change(changed), this::calls);
  }

  /** As in this repository: the modules that create a KMS key call modules/_kms-key. */
  private List<Path> calls(Path module) {
    return Set.of("athena", "rds", "kill-switch", "eks", "cloudflared-ec2")
            .contains(module.getFileName().toString())
        ? List.of(repo.resolve("modules/_kms-key"))
        : List.of();
  }

  private ChangedFiles change(String... changed) {
    Set<Path> files = new LinkedHashSet<>();
    for (String file : changed) {
      files.add(repo.resolve(file).normalize());
    }
    return new ChangedFiles("main", "0123456789abcdef0123456789abcdef01234567", repo, files);
  }
}
