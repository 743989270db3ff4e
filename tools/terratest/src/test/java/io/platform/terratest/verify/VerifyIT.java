package io.platform.terratest.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.platform.aws.AwsClients;
import io.platform.backend.BackendBootstrapper;
import io.platform.backend.BackendSpec;
import io.platform.emulator.AwsEndpoint;
import io.platform.exec.Command;
import io.platform.exec.ExecResult;
import io.platform.exec.ProcessRunner;
import io.platform.exit.ExitCode;
import io.platform.terraform.Terragrunt;
import io.platform.terratest.Repo;
import io.platform.testkit.AwsSdk;
import io.platform.testkit.WithEmulator;
import io.platform.toolchain.Toolchain;
import io.platform.verify.ChangeAction;
import io.platform.verify.UnitResult;
import io.platform.verify.Verdict;
import io.platform.verify.VerifyReport;
import io.platform.verify.report.JsonReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code platform verify} on real Terragrunt and Terraform against the emulator: one tree of small
 * units, each put into a different state after a first apply, verified in one run.
 */
@WithEmulator
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerifyIT {
  private static final String BUCKET = "platform-local-tfstate-123456789012";
  private static final String TABLE = "platform-local-tflock";

  @TempDir static Path repo;
  private AwsEndpoint aws;
  private Path local;

  @BeforeAll
  void applyThenDisturbEachUnit(AwsEndpoint endpoint) throws IOException {
    aws = endpoint;
    Repo.copy(
        repo,
        "live/root.hcl",
        "live/provider.tf.tftpl",
        "live/local/env.hcl",
        "toolchain.properties");
    Repo.copy(repo, "tools/terratest/src/test/resources/verify-tree/modules");
    Files.move(
        repo.resolve("tools/terratest/src/test/resources/verify-tree/modules"),
        repo.resolve("modules"));
    local = repo.resolve("live/local");
    for (String unit : new String[] {"clean", "changed", "deleted", "output-only", "locked"}) {
      writeUnit(unit, "");
    }
    Terragrunt terragrunt =
        new Terragrunt(new ProcessRunner(), Toolchain.locate(), aws.environment());
    BackendSpec backend =
        BackendSpec.fromRemoteStateConfig(
            terragrunt.render(local.resolve("clean")).path("remote_state").path("config"));
    new BackendBootstrapper(
            AwsClients.staticCredentials(aws.accessKeyId(), aws.secretAccessKey()), aws.url())
        .bootstrap(backend);
    terragrunt
        .runAll(local, Duration.ofMinutes(20), null, "apply", "-input=false", "-auto-approve")
        .requireSuccess();

    writeUnit("changed", "  owner = \"data-team\"\n");
    writeUnit("output-only", "  label = \"v2\"\n");
    try (SqsClient sqs = AwsSdk.client(SqsClient.builder(), aws)) {
      sqs.deleteQueue(
          b -> b.queueUrl(sqs.getQueueUrl(q -> q.queueName("verify-deleted")).queueUrl()));
    }
    try (DynamoDbClient dynamo = AwsSdk.client(DynamoDbClient.builder(), aws)) {
      dynamo.putItem(
          b ->
              b.tableName(TABLE)
                  .item(
                      Map.of(
                          "LockID",
                          AttributeValue.fromS(BUCKET + "/local/locked/terraform.tfstate"),
                          "Info",
                          AttributeValue.fromS(
                              "{\"ID\":\"5f0c3c4e-0000-4000-8000-000000000001\",\"Operation\":\"OperationTypeApply\","
                                  + "\"Who\":\"someone@elsewhere\",\"Version\":\"1.11.4\",\"Created\":\"2026-11-22T00:00:00Z\",\"Path\":\"\"}"))));
    }
    Files.createDirectories(local.resolve("broken"));
    Files.writeString(
        local.resolve("broken/terragrunt.hcl"),
        "include \"root\" {\n  path = find_in_parent_folders(\"root.hcl\")\n");
    // A unit whose module no longer parses: the report must say what Terraform said, and where.
    Path module = repo.resolve("modules/queue-broken");
    Repo.copyTree(repo.resolve("modules/queue"), module);
    Files.writeString(module.resolve("broken.tf"), "locals {\n  retention = \n}\n");
    writeUnit("broken-module", "");
    Path unit = local.resolve("broken-module/terragrunt.hcl");
    Files.writeString(
        unit, Files.readString(unit).replace("modules//queue\"", "modules//queue-broken\""));
  }

  private void writeUnit(String name, String extraInputs) throws IOException {
    String template =
        Files.readString(
            Repo.root().resolve("tools/terratest/src/test/resources/verify-tree/unit.hcl.template"),
            StandardCharsets.UTF_8);
    Path dir = local.resolve(name);
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("terragrunt.hcl"),
        template.replace("NAME", name).replace("inputs = {\n", "inputs = {\n" + extraInputs),
        StandardCharsets.UTF_8);
  }

  @Test
  void classifiesEveryUnitFromItsPlanAndWritesReportsThatReadBack() throws IOException {
    Path reports = repo.resolve("reports");
    // The CLI as a user runs it, in its own JVM, with the emulator's environment exported.
    String java = ProcessHandle.current().info().command().orElse("java");
    ExecResult run =
        new ProcessRunner()
            .run(
                Command.of(
                        java,
                        "-jar",
                        Repo.root().resolve("tools/platform/target/platform-cli.jar").toString(),
                        "verify",
                        local.toString(),
                        "--parallelism",
                        "2",
                        "--lock-timeout",
                        "0s",
                        "--timeout",
                        "10m",
                        "--junit",
                        reports.resolve("verify.xml").toString(),
                        "--markdown",
                        reports.resolve("verify.md").toString(),
                        "--json",
                        reports.resolve("verify.json").toString())
                    .withEnvironment(aws.environment())
                    .withTimeout(Duration.ofMinutes(30)));
    int exit = run.exitCode();
    String out = run.stdout();
    String err = run.stderr();

    assertThat(exit).as(err).isEqualTo(ExitCode.ERROR.code());
    VerifyReport report = JsonReport.read(Files.readString(reports.resolve("verify.json")));
    Map<String, UnitResult> byName =
        report.results().stream()
            .collect(Collectors.toMap(r -> r.unit().name(), Function.identity()));

    assertThat(byName.get("clean").verdict()).isEqualTo(Verdict.CLEAN);
    // Planned by the engine of this pass (PLATFORM_ENGINE), which every report names.
    assertThat(report.engine().engine()).isEqualTo(Toolchain.locate().engine());
    assertThat(out).contains(", " + report.engine() + ")");

    assertThat(byName.get("changed").verdict()).isEqualTo(Verdict.CHANGES);
    assertThat(byName.get("changed").summary().count(ChangeAction.UPDATE)).isEqualTo(1);
    assertThat(byName.get("changed").summary().changes().get(0).changedAttributes())
        .contains("tags.Owner");

    assertThat(byName.get("deleted").verdict()).isEqualTo(Verdict.CHANGES);
    assertThat(byName.get("deleted").summary().drifted()).containsExactly("aws_sqs_queue.this");
    assertThat(byName.get("deleted").summary().count(ChangeAction.CREATE)).isEqualTo(1);

    assertThat(byName.get("output-only").verdict()).isEqualTo(Verdict.OUTPUT_ONLY);
    assertThat(byName.get("output-only").summary().changedOutputs()).containsExactly("label");

    assertThat(byName.get("broken").verdict()).isEqualTo(Verdict.ERROR);
    assertThat(byName.get("broken").error())
        .startsWith("init: Error: ")
        .contains("broken/terragrunt.hcl line ");

    assertThat(byName.get("broken-module").verdict()).isEqualTo(Verdict.ERROR);
    assertThat(byName.get("broken-module").error())
        .isEqualTo("init: Error: Invalid expression (broken.tf line 2: retention =)");

    assertThat(byName.get("locked").verdict()).isEqualTo(Verdict.ERROR);
    assertThat(byName.get("locked").error()).contains("Error acquiring the state lock");
    assertThat(byName.get("locked").elapsed()).isLessThan(Duration.ofMinutes(5));

    assertThat(out).containsPattern("(?m)^clean\\s+clean").containsPattern("(?m)^broken\\s+error");
    assertThat(Files.readString(reports.resolve("verify.xml")))
        .contains("<testcase", "name=\"changed\"", "<failure");
    assertThat(Files.readString(reports.resolve("verify.md")))
        .contains("<details><summary><code>changed</code>");
  }
}
