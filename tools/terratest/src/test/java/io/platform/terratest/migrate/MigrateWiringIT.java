package io.platform.terratest.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.platform.aws.AwsClients;
import io.platform.backend.BackendBootstrapper;
import io.platform.backend.BackendSpec;
import io.platform.emulator.AwsEndpoint;
import io.platform.emulator.Emulator;
import io.platform.exec.ExecResult;
import io.platform.exec.ProcessRunner;
import io.platform.exit.ExitCode;
import io.platform.terraform.Terraform;
import io.platform.terraform.Terragrunt;
import io.platform.terratest.PlatformCli;
import io.platform.terratest.Repo;
import io.platform.testkit.WithEmulator;
import io.platform.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code migrate plan --config}: the references between a monolith's modules that cross units, read
 * from Terraform's own configuration JSON, checked against the live tree's dependency graph and
 * interfaces, and refusing an apply the tree does not wire. A monolith of three {@code
 * terraform_data} components (network, app, api) whose modules read each other's outputs.
 */
@WithEmulator
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrateWiringIT {
  private static final String FIXTURE = "tools/terratest/src/test/resources/migrate/wiring";
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  @TempDir static Path repo;
  private AwsEndpoint aws;
  private PlatformCli cli;
  private String monolithSha256;

  @BeforeAll
  void applyTheMonolith(Emulator started) throws IOException {
    aws = started.endpoint();
    Repo.copy(
        repo,
        "live/root.hcl",
        "live/provider.tf.tftpl",
        "live/local/env.hcl",
        "toolchain.properties",
        FIXTURE);
    Path fixture = repo.resolve(FIXTURE);
    for (String dir : List.of("modules", "monolith", "monolith-local", "monolith-foreach")) {
      Files.move(fixture.resolve(dir), repo.resolve(dir));
    }
    for (String unit : List.of("network", "app", "api")) {
      Files.createDirectories(repo.resolve("live/local").resolve(unit));
      Files.copy(
          fixture.resolve("units/" + unit + "/terragrunt.hcl"),
          repo.resolve("live/local/" + unit + "/terragrunt.hcl"));
      Files.createDirectories(repo.resolve("live/unwired").resolve(unit));
      Path unwired = fixture.resolve("units-unwired/" + unit + "/terragrunt.hcl");
      Files.copy(
          Files.exists(unwired) ? unwired : fixture.resolve("units/" + unit + "/terragrunt.hcl"),
          repo.resolve("live/unwired/" + unit + "/terragrunt.hcl"));
    }
    Files.copy(repo.resolve("live/local/env.hcl"), repo.resolve("live/unwired/env.hcl"));
    Terraform terraform = new Terraform(new ProcessRunner(), Toolchain.locate(), aws.environment());
    Path monolith = repo.resolve("monolith");
    terraform.run(monolith, TIMEOUT, "init", "-input=false").requireSuccess();
    terraform.run(monolith, TIMEOUT, "apply", "-input=false", "-auto-approve").requireSuccess();
    monolithSha256 = PlatformCli.sha256(monolith.resolve("terraform.tfstate"));
    Terragrunt terragrunt =
        new Terragrunt(new ProcessRunner(), Toolchain.locate(), aws.environment());
    new BackendBootstrapper(
            AwsClients.staticCredentials(aws.accessKeyId(), aws.secretAccessKey()), aws.url())
        .bootstrap(
            BackendSpec.fromRemoteStateConfig(
                terragrunt
                    .render(repo.resolve("live/local/network"))
                    .path("remote_state")
                    .path("config")));
    cli = new PlatformCli(repo, aws);
  }

  @AfterEach
  void theMonolithIsByteIdentical() {
    assertThat(PlatformCli.sha256(repo.resolve("monolith/terraform.tfstate")))
        .isEqualTo(monolithSha256);
  }

  private ExecResult plan(String config, String live, String out) {
    return cli.run(
        "migrate",
        "plan",
        "--source",
        "monolith/terraform.tfstate",
        "--prefix",
        "",
        "--live",
        live,
        "--config",
        config,
        "--out",
        out);
  }

  @Test
  void theWiredTreeCarriesExactlyTheCrossingReferencesAndEveryUnitPlansCleanAfterTheApply() {
    ExecResult plan = plan("monolith", "live/local", "wired-plan.json");

    assertThat(plan.exitCode()).as(plan.stdout() + plan.stderr()).isZero();
    assertThat(crossings(repo.resolve("wired-plan.json")))
        .containsExactlyInAnyOrder(
            "app.vpc_id <- network.vpc_id: wired",
            "app.subnet <- network.subnets: wired",
            "api.upstream <- app.endpoint: wired",
            "api.vpc_id <- network.vpc_id: wired");
    assertThat(plan.stdout())
        .contains(
            "references crossing units (read from monolith, checked against the live tree): 4, 0 not wired",
            "app.subnet <- network.subnets (read module.network.subnets[\"a\"] in module.app): wired");

    ExecResult apply = cli.run("migrate", "apply", "wired-plan.json");
    assertThat(apply.exitCode()).as(apply.stdout() + apply.stderr()).isZero();
    ExecResult verify = cli.run("verify", "live/local");
    assertThat(verify.exitCode()).as(verify.stdout() + verify.stderr()).isZero();
  }

  @Test
  void aTreeMissingADependencyIsListedWithTheUnitAndInputAndItsApplyIsRefused() {
    ExecResult plan = plan("monolith", "live/unwired", "unwired-plan.json");

    assertThat(plan.exitCode()).as(plan.stdout() + plan.stderr()).isZero();
    assertThat(crossings(repo.resolve("unwired-plan.json")))
        .containsExactlyInAnyOrder(
            "app.vpc_id <- network.vpc_id: wired",
            "app.subnet <- network.subnets: wired",
            "api.upstream <- app.endpoint: wired",
            "api.vpc_id <- network.vpc_id: no dependency \"network\" in unit api");
    assertThat(plan.stdout())
        .contains(
            "4, 1 not wired",
            "api.vpc_id <- network.vpc_id (read module.network.vpc_id in module.api)\n"
                + "    missing: no dependency \"network\" in unit api");

    ExecResult apply = cli.run("migrate", "apply", "unwired-plan.json");

    assertThat(apply.exitCode())
        .as(apply.stdout() + apply.stderr())
        .isEqualTo(ExitCode.REFUSED.code());
    assertThat(apply.stdout() + apply.stderr())
        .contains("api.vpc_id <- network.vpc_id", "--allow-unwired");
    try (AwsClients clients =
            new AwsClients(
                "us-east-1",
                aws.url(),
                AwsClients.staticCredentials(aws.accessKeyId(), aws.secretAccessKey()));
        S3Client s3 = clients.s3()) {
      assertThat(
              s3.listObjectsV2(
                      b -> b.bucket("platform-local-tfstate-123456789012").prefix("unwired/"))
                  .contents())
          .as("no unit state written")
          .isEmpty();
    }
  }

  @Test
  void aReadThroughALocalOrAForEachOverAnotherUnitsOutputIsNamedAsOneToWireByHand() {
    ExecResult local = plan("monolith-local", "live/local", "local-plan.json");
    assertThat(local.exitCode()).as(local.stdout() + local.stderr()).isZero();
    assertThat(crossings(repo.resolve("local-plan.json")))
        .contains(
            "api.vpc_id <- ?: reads a local, which Terraform's configuration JSON does not resolve: wire it by hand and pass --allow-unwired");

    ExecResult forEach = plan("monolith-foreach", "live/local", "foreach-plan.json");
    assertThat(forEach.exitCode()).as(forEach.stdout() + forEach.stderr()).isZero();
    assertThat(crossings(repo.resolve("foreach-plan.json")))
        .anySatisfy(c -> assertThat(c).startsWith("app.for_each <- network.subnets: for_each"));
  }

  @Test
  void aConfigurationThatIsNotThisMonolithOrDoesNotInitialiseIsRefusedWithTheReason()
      throws IOException {
    Path renamed = Files.createDirectories(repo.resolve("monolith-renamed"));
    Files.writeString(
        renamed.resolve("main.tf"),
        Files.readString(repo.resolve("monolith/main.tf"))
            .replace("module \"network\"", "module \"core\"")
            .replace("module.network.", "module.core."));
    ExecResult other = plan("monolith-renamed", "live/local", "other-plan.json");
    assertThat(other.exitCode())
        .as(other.stdout() + other.stderr())
        .isEqualTo(ExitCode.REFUSED.code());
    assertThat(other.stderr())
        .contains(
            "--config monolith-renamed is not the configuration of this state: 1 resource of the"
                + " state is not declared in it (module.network.terraform_data.vpc)");

    ExecResult module = plan("modules/network", "live/local", "module-plan.json");
    assertThat(module.exitCode()).as(module.stdout() + module.stderr()).isEqualTo(1);
    assertThat(module.stderr())
        .contains(
            "--config modules/network: the configuration does not plan against the monolith's"
                + " state (plan: Error: No value for required variable");

    Path broken = Files.createDirectories(repo.resolve("broken"));
    Files.writeString(broken.resolve("main.tf"), "module \"network\" {\n  source = \n}\n");
    ExecResult init = plan("broken", "live/local", "broken-plan.json");
    assertThat(init.exitCode()).as(init.stdout() + init.stderr()).isEqualTo(1);
    assertThat(init.stderr()).contains("--config broken: the configuration does not initialise");
    assertThat(repo.resolve("broken-plan.json")).doesNotExist();
  }

  /** Each crossing reference of a saved plan as {@code unit.argument <- dependency.output: ...}. */
  private static List<String> crossings(Path plan) {
    List<String> found = new ArrayList<>();
    for (JsonNode r : PlatformCli.json(plan).path("wiring").path("references")) {
      List<String> problems = new ArrayList<>();
      r.path("problems").forEach(p -> problems.add(p.asText()));
      found.add(
          r.path("unit").asText()
              + "."
              + r.path("argument").asText()
              + " <- "
              + (r.path("dependency").isNull()
                  ? "?"
                  : r.path("dependency").asText() + "." + r.path("output").asText())
              + ": "
              + (problems.isEmpty() ? "wired" : String.join("; ", problems)));
    }
    return found;
  }
}
