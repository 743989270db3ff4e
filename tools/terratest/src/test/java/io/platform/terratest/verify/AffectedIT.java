package io.platform.terratest.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.platform.exec.Command;
import io.platform.exec.ExecResult;
import io.platform.exec.ProcessRunner;
import io.platform.exit.ExitCode;
import io.platform.terraform.Terragrunt;
import io.platform.terratest.PlatformCli;
import io.platform.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code platform verify --affected} and {@code --shard} with the real Git, Terragrunt and
 * Terraform, on a repository of three applied units of {@code terraform_data} (no provider, no
 * emulator): {@code greeter} and {@code audience} from modules of their own, {@code audience}
 * depending on {@code greeter}, and {@code bystander}. The greeter's module renders a template, the
 * file Terragrunt's own change filter does not see.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AffectedIT {
  @TempDir static Path repo;

  /** Outside the repository: reports written into it would be changes of their own. */
  @TempDir static Path reports;

  private static Path tree;

  @BeforeAll
  static void applyThreeUnitsInARepository() throws IOException {
    write(
        "modules/greeter/main.tf",
        """
        variable "name" {
          type = string
        }

        resource "terraform_data" "this" {
          input = templatefile("${path.module}/templates/greeting.tftpl", { name = var.name })
        }

        output "greeting" {
          value = terraform_data.this.output
        }
        """);
    write("modules/greeter/templates/greeting.tftpl", "Hello, ${name}!");
    write(
        "modules/echo/main.tf",
        """
        variable "text" {
          type = string
        }

        resource "terraform_data" "this" {
          input = var.text
        }
        """);
    write(
        "live/test/greeter/terragrunt.hcl",
        """
        terraform {
          source = "../../../modules//greeter"
        }

        inputs = {
          name = "platform"
        }
        """);
    write(
        "live/test/audience/terragrunt.hcl",
        """
        terraform {
          source = "../../../modules//echo"
        }

        dependency "greeter" {
          config_path = "../greeter"
        }

        inputs = {
          text = "heard: ${dependency.greeter.outputs.greeting}"
        }
        """);
    write(
        "live/test/bystander/terragrunt.hcl",
        """
        terraform {
          source = "../../../modules//echo"
        }

        inputs = {
          text = "unmoved"
        }
        """);
    tree = repo.resolve("live/test");
    terragrunt()
        .runAll(tree, Duration.ofMinutes(10), null, "apply", "-input=false", "-auto-approve")
        .requireSuccess();
    // The caches and local states of that apply stay out of the repository's history.
    write(".gitignore", ".terragrunt-cache/\n.terraform.lock.hcl\n");
    git("init", "-q", "-b", "main");
    git("add", "-A");
    git("commit", "-q", "-m", "three units");
  }

  @Test
  @Order(1)
  void aTemplateOfAModuleSelectsItsUnitAndTheUnitsDependingOnItWhereTerragruntSeesNothing()
      throws IOException {
    git("checkout", "-q", "-b", "greeting");
    write("modules/greeter/templates/greeting.tftpl", "Good morning, ${name}!");
    git("commit", "-q", "-am", "a warmer greeting");

    ExecResult terragruntsOwn =
        terragrunt()
            .run(
                tree,
                Duration.ofMinutes(2),
                null,
                "find",
                "--filter",
                "[main...HEAD]",
                "--log-level",
                "error");
    assertThat(terragruntsOwn.requireSuccess().stdout())
        .as("terragrunt find --filter '[main...HEAD]'")
        .isBlank();

    ExecResult run =
        cli()
            .run(
                "verify",
                tree.toString(),
                "--affected",
                "--base",
                "main",
                "--json",
                reports.resolve("affected.json").toString(),
                "--markdown",
                reports.resolve("affected.md").toString());

    assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isEqualTo(ExitCode.CHANGES.code());
    JsonNode report = PlatformCli.json(reports.resolve("affected.json"));
    // The audience plans against the greeting applied so far: it changes once the greeter is
    // applied.
    assertThat(verdicts(report)).containsExactly("greeter=changes", "audience=clean");
    assertThat(report.path("selection").path("reasons").path("greeter").asText())
        .isEqualTo("module modules/greeter changed: modules/greeter/templates/greeting.tftpl");
    assertThat(report.path("selection").path("reasons").path("audience").asText())
        .isEqualTo("depends on greeter");
    assertThat(report.path("selection").path("selected").asInt()).isEqualTo(2);
    assertThat(report.path("selection").path("candidates").asInt()).isEqualTo(3);
    assertThat(run.stdout())
        .contains("selected: affected since main (1 file changed): 2 of 3 units")
        .containsPattern("(?m)^  greeter\\s+module modules/greeter changed");
    assertThat(Files.readString(reports.resolve("affected.md")))
        .contains("| Why |", "depends on greeter");
  }

  @Test
  @Order(2)
  void aChangeNoUnitReadsSelectsNothingAndSaysSo() throws IOException {
    git("checkout", "-q", "main");
    git("checkout", "-q", "-b", "docs");
    write("docs/notes.md", "Nothing a unit reads.");

    ExecResult run =
        cli()
            .run(
                "verify",
                tree.toString(),
                "--affected",
                "--base",
                "main",
                "--json",
                reports.resolve("nothing.json").toString());

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stderr())
        .contains("verify: nothing to verify (affected since main (1 file changed): 0 of 3 units)");
    assertThat(PlatformCli.json(reports.resolve("nothing.json")).path("units")).isEmpty();
  }

  @Test
  @Order(3)
  void theSharesOfTheTreeHoldEveryUnitOnceAndMergeIntoTheWholeRun() {
    git("checkout", "-q", "main");
    List<String> shares = new ArrayList<>();
    for (int share = 1; share <= 2; share++) {
      String json = reports.resolve("share-" + share + ".json").toString();
      ExecResult run =
          cli().run("verify", tree.toString(), "--shard", share + "/2", "--json", json);
      assertThat(run.exitCode()).as(run.stderr()).isZero();
      shares.add(json);
    }
    List<String> seen = new ArrayList<>();
    shares.forEach(json -> seen.addAll(verdicts(PlatformCli.json(Path.of(json)))));
    assertThat(seen)
        .containsExactlyInAnyOrder("greeter=clean", "audience=clean", "bystander=clean");

    List<String> merge = new ArrayList<>(List.of("report", "merge"));
    merge.addAll(shares);
    merge.addAll(List.of("--json", reports.resolve("merged.json").toString()));
    ExecResult merged = cli().run(merge.toArray(String[]::new));

    assertThat(merged.exitCode()).as(merged.stderr()).isZero();
    assertThat(merged.stdout()).contains("3 units: 3 clean");
    assertThat(verdicts(PlatformCli.json(reports.resolve("merged.json")))).hasSize(3);

    ExecResult half = cli().run("report", "merge", shares.get(0));
    assertThat(half.exitCode()).isEqualTo(1);
    assertThat(half.stderr()).contains("lacks share 2/2");
  }

  private static List<String> verdicts(JsonNode report) {
    List<String> verdicts = new ArrayList<>();
    report
        .path("units")
        .forEach(u -> verdicts.add(u.path("name").asText() + "=" + u.path("verdict").asText()));
    return verdicts;
  }

  private static PlatformCli cli() {
    return new PlatformCli(repo, Map.of());
  }

  private static Terragrunt terragrunt() {
    return new Terragrunt(new ProcessRunner(), Toolchain.locate(), Map.of());
  }

  private static void write(String file, String text) throws IOException {
    Path path = repo.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);
  }

  private static void git(String... args) {
    List<String> argv =
        new ArrayList<>(List.of("-c", "user.email=test@example.com", "-c", "user.name=test"));
    argv.addAll(List.of(args));
    new ProcessRunner()
        .run(Command.of("git", argv.toArray(String[]::new)).in(repo))
        .requireSuccess();
  }
}
