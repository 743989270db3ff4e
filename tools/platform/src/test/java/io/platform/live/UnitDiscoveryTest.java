package io.platform.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnitDiscoveryTest {
  @TempDir Path root;

  @BeforeEach
  void tree() throws IOException {
    for (String unit :
        List.of("local/vpc", "local/eks", "staging/vpc", "staging/eks", "prod/vpc")) {
      Files.createDirectories(root.resolve(unit));
      Files.writeString(root.resolve(unit).resolve("terragrunt.hcl"), "");
    }
    // Caches and shared includes are never units.
    Path cached = root.resolve("local/vpc/.terragrunt-cache/abc/vpc");
    Files.createDirectories(cached);
    Files.writeString(cached.resolve("terragrunt.hcl"), "");
    Files.createDirectories(root.resolve("_envcommon"));
    Files.writeString(root.resolve("_envcommon/vpc.hcl"), "");
    Files.writeString(root.resolve("root.hcl"), "");
  }

  private static List<String> names(List<Unit> units) {
    return units.stream().map(Unit::name).toList();
  }

  @Test
  void findsEveryUnitSortedByName() {
    assertThat(names(UnitDiscovery.find(root, List.of(), List.of())))
        .containsExactly("local/eks", "local/vpc", "prod/vpc", "staging/eks", "staging/vpc");
  }

  @Test
  void namesAreRelativeToTheGivenDirectory() {
    assertThat(names(UnitDiscovery.find(root.resolve("local"), List.of(), List.of())))
        .containsExactly("eks", "vpc");
  }

  @Test
  void aUnitDirectoryIsItsOwnSingleUnit() {
    List<Unit> units = UnitDiscovery.find(root.resolve("prod/vpc"), List.of(), List.of());

    assertThat(names(units)).containsExactly("vpc");
    assertThat(units.get(0).dir()).isEqualTo(root.resolve("prod/vpc").toAbsolutePath());
  }

  @Test
  void includeAndExcludeGlobsMatchUnitNames() {
    assertThat(names(UnitDiscovery.find(root, List.of("*/vpc"), List.of("prod/*"))))
        .containsExactly("local/vpc", "staging/vpc");
    assertThat(names(UnitDiscovery.find(root, List.of(), List.of("**eks"))))
        .containsExactly("local/vpc", "prod/vpc", "staging/vpc");
  }

  @Test
  void findsTheUnitsTerragruntFindsInUnderscoreAndHiddenFoldersButNotInCaches() throws IOException {
    for (String unit :
        List.of(
            "prod/_global/iam",
            "prod/app/.terragrunt-stack/db",
            "prod/vpc/.terraform/modules/m",
            ".git/x")) {
      Files.createDirectories(root.resolve(unit));
      Files.writeString(root.resolve(unit).resolve("terragrunt.hcl"), "");
    }
    Files.writeString(root.resolve("prod/app/terragrunt.stack.hcl"), "");

    assertThat(names(UnitDiscovery.find(root.resolve("prod"), List.of(), List.of())))
        .containsExactly("_global/iam", "app/.terragrunt-stack/db", "vpc");
  }

  @Test
  void aStackThatWasNeverGeneratedIsAClearErrorNotAnEmptyStack() throws IOException {
    Files.createDirectories(root.resolve("prod/app"));
    Files.writeString(root.resolve("prod/app/terragrunt.stack.hcl"), "");

    assertThatThrownBy(() -> UnitDiscovery.find(root, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prod/app")
        .hasMessageContaining("terragrunt stack generate");
  }

  @Test
  void aSymlinkedTreeIsWalkedButSymlinksInsideItAreNotFollowed() throws IOException {
    Path link = Files.createSymbolicLink(root.resolve("link-to-local"), root.resolve("local"));
    Files.createSymbolicLink(root.resolve("local/loop"), root.resolve("local"));

    assertThat(names(UnitDiscovery.find(link, List.of(), List.of()))).containsExactly("eks", "vpc");
    assertThat(names(UnitDiscovery.find(root, List.of(), List.of())))
        .doesNotContain("link-to-local/vpc");
  }

  @Test
  void aLeadingDoubleStarAlsoMatchesUnitsAtTheTop() {
    assertThat(names(UnitDiscovery.find(root.resolve("local"), List.of("**/eks"), List.of())))
        .containsExactly("eks");
    assertThat(names(UnitDiscovery.find(root, List.of("local/**/vpc"), List.of())))
        .containsExactly("local/vpc");
  }

  @Test
  void namesKeepSpacesAndUnicode() throws IOException {
    Files.createDirectories(root.resolve("prod/däta lake"));
    Files.writeString(root.resolve("prod/däta lake/terragrunt.hcl"), "");

    assertThat(names(UnitDiscovery.find(root.resolve("prod"), List.of("d*"), List.of())))
        .containsExactly("däta lake");
  }

  @Test
  void aMissingDirectoryIsAClearError() {
    assertThatThrownBy(() -> UnitDiscovery.find(root.resolve("nope"), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a directory");
  }
}
