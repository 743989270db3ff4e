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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code migrate retire} on a monolith whose state is in S3 with a DynamoDB lock table: after the
 * apply, removed blocks make a plan of the monolith forget every migrated instance and destroy
 * nothing, and the retirement lock makes Terraform refuse the monolith, naming the migration, until
 * {@code --undo}.
 */
@WithEmulator
class MigrateRetireIT {
  private static final String FIXTURE = "tools/terratest/src/test/resources/migrate/wiring";
  private static final String BUCKET = "monolith-states";
  private static final String TABLE = "monolith-locks";
  private static final String KEY = "monolith/terraform.tfstate";
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  @TempDir Path repo;

  @Test
  void theRetiredMonolithForgetsWhatMovedDestroysNothingAndStaysLockedUntilUndone(Emulator started)
      throws IOException {
    AwsEndpoint aws = started.endpoint();
    Repo.copy(repo, "toolchain.properties", FIXTURE);
    Path fixture = repo.resolve(FIXTURE);
    Files.move(fixture.resolve("modules"), repo.resolve("modules"));
    Files.move(fixture.resolve("monolith"), repo.resolve("monolith"));
    Path monolith = repo.resolve("monolith");
    Files.writeString(monolith.resolve("backend.tf"), "terraform {\n  backend \"s3\" {}\n}\n");
    new BackendBootstrapper(
            AwsClients.staticCredentials(aws.accessKeyId(), aws.secretAccessKey()), aws.url())
        .bootstrap(
            new BackendSpec(
                "us-east-1", BUCKET, TABLE, null, false, null, null, Map.of(), Map.of()));
    Terraform terraform = new Terraform(new ProcessRunner(), Toolchain.locate(), aws.environment());
    terraform
        .run(
            monolith,
            TIMEOUT,
            "init",
            "-input=false",
            "-backend-config=bucket=" + BUCKET,
            "-backend-config=key=" + KEY,
            "-backend-config=region=us-east-1",
            "-backend-config=dynamodb_table=" + TABLE,
            "-backend-config=use_path_style=true",
            "-backend-config=skip_credentials_validation=true")
        .requireSuccess();
    terraform.run(monolith, TIMEOUT, "apply", "-input=false", "-auto-approve").requireSuccess();
    PlatformCli cli = new PlatformCli(repo, aws);
    ExecResult plan =
        cli.run(
            "migrate",
            "plan",
            "--source",
            "s3://" + BUCKET + "/" + KEY,
            "--source-region",
            "us-east-1",
            "--source-lock-table",
            TABLE,
            "--prefix",
            "",
            "--to-dir",
            "units",
            "--out",
            "plan.json");
    assertThat(plan.exitCode()).as(plan.stdout() + plan.stderr()).isZero();
    ExecResult apply = cli.run("migrate", "apply", "plan.json");
    assertThat(apply.exitCode()).as(apply.stdout() + apply.stderr()).isZero();
    byte[] migrated = object(aws);

    // The module blocks still there: Terraform itself says so, nothing is written or locked.
    ExecResult early = cli.run("migrate", "retire", "plan.json", "--config", "monolith");
    assertThat(early.exitCode()).as(early.stdout() + early.stderr()).isEqualTo(1);
    assertThat(early.stderr()).contains("does not plan against the monolith's state");
    assertThat(monolith.resolve("platform_retired.tf")).doesNotExist();

    // The components live in their units now: their blocks leave the monolith's configuration.
    Files.writeString(
        monolith.resolve("main.tf"), "terraform {\n  required_version = \">= 1.11\"\n}\n");
    ExecResult retire = cli.run("migrate", "retire", "plan.json", "--config", "monolith");

    assertThat(retire.exitCode()).as(retire.stdout() + retire.stderr()).isZero();
    assertThat(retire.stdout())
        .contains("retired: 3 migrated instances forgotten", "0 destroyed, 0 created")
        .containsPattern("state locked \\(lock ID retired-[0-9a-f]{12}\\)");
    assertThat(Files.readString(monolith.resolve("platform_retired.tf")))
        .contains(
            "removed {\n  from = module.api\n",
            "removed {\n  from = module.app\n",
            "removed {\n  from = module.network\n",
            "destroy = false");

    ExecResult locked = terraform.run(monolith, TIMEOUT, "apply", "-input=false", "-auto-approve");
    assertThat(locked.succeeded()).isFalse();
    assertThat(locked.stdout() + locked.stderr())
        .contains(
            "Error acquiring the state lock", "retired by platform migrate retire", "plan.json");

    // What an apply would do once the lock is lifted: forget the three, destroy and create nothing.
    terraform
        .run(monolith, TIMEOUT, "plan", "-input=false", "-lock=false", "-out=retired.tfplan")
        .requireSuccess();
    List<String> actions = new ArrayList<>();
    for (JsonNode change :
        terraform
            .json(monolith, TIMEOUT, "show", "-json", "retired.tfplan")
            .path("resource_changes")) {
      actions.add(change.path("address").asText() + " " + change.path("change").path("actions"));
    }
    assertThat(actions)
        .containsExactlyInAnyOrder(
            "module.api.terraform_data.gateway [\"forget\"]",
            "module.app.terraform_data.server [\"forget\"]",
            "module.network.terraform_data.vpc [\"forget\"]");

    ExecResult undo = cli.run("migrate", "retire", "plan.json", "--config", "monolith", "--undo");
    assertThat(undo.exitCode()).as(undo.stdout() + undo.stderr()).isEqualTo(ExitCode.OK.code());
    assertThat(undo.stdout()).contains("lifted from s3://" + BUCKET + "/" + KEY, "removed ");
    assertThat(monolith.resolve("platform_retired.tf")).doesNotExist();
    ExecResult unlocked =
        terraform.run(monolith, TIMEOUT, "plan", "-input=false", "-detailed-exitcode");
    assertThat(unlocked.exitCode()).as(unlocked.stderr()).isIn(0, 2);
    assertThat(object(aws)).as("the monolith's state is never written").isEqualTo(migrated);
  }

  private static AwsClients clients(AwsEndpoint aws) {
    return new AwsClients(
        "us-east-1",
        aws.url(),
        AwsClients.staticCredentials(aws.accessKeyId(), aws.secretAccessKey()));
  }

  private static byte[] object(AwsEndpoint aws) {
    try (AwsClients clients = clients(aws);
        S3Client s3 = clients.s3()) {
      return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(KEY)).asByteArray();
    }
  }
}
