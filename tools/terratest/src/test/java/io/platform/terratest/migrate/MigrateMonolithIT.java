package io.platform.terratest.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platform.aws.AwsClients;
import io.platform.backend.BackendBootstrapper;
import io.platform.backend.BackendDiscovery;
import io.platform.backend.BackendSpec;
import io.platform.emulator.AwsEndpoint;
import io.platform.exec.ExecResult;
import io.platform.exec.ProcessRunner;
import io.platform.live.Unit;
import io.platform.live.UnitDiscovery;
import io.platform.terraform.Terraform;
import io.platform.terraform.Terragrunt;
import io.platform.terratest.AwsSdk;
import io.platform.terratest.Repo;
import io.platform.terratest.WithEmulator;
import io.platform.toolchain.Toolchain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The seed's migration, end to end on the emulator: a monolith that nests the real modules
 * under {@code module.client_stage.module.<group>.module.<component>}, with the inputs and
 * providers of the live/local units, is applied once with its state in the emulator's S3; then
 * {@code platform migrate plan} and {@code apply} slice it into the live/local units' S3 keys.
 * Every migrated unit then plans with no change against the same resources, and the monolith's
 * state object is byte-identical before and after.
 */
@WithEmulator
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrateMonolithIT {
  private static final String FIXTURE = "tools/terratest/src/test/resources/migrate/monolith";
  private static final String MONOLITH_KEY = "monolith/terraform.tfstate";
  /** The Terraform S3 backend settings among a unit's remote_state config (the rest is Terragrunt's). */
  private static final List<String> BACKEND_KEYS = List.of(
      "bucket", "region", "encrypt", "kms_key_id", "dynamodb_table", "use_lockfile", "use_path_style",
      "skip_credentials_validation", "skip_metadata_api_check");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofMinutes(20);

  @TempDir static Path repo;
  private AwsEndpoint aws;
  private BackendSpec backend;
  private Path monolith;
  private List<String> components;

  @BeforeAll
  void applyTheMonolith(AwsEndpoint endpoint) throws IOException {
    aws = endpoint;
    Repo.copy(repo, "live", "modules", "toolchain.properties", FIXTURE);
    monolith = repo.resolve("monolith");
    Files.move(repo.resolve(FIXTURE), monolith);
    Path live = repo.resolve("live/local");
    Terragrunt terragrunt = new Terragrunt(new ProcessRunner(), Toolchain.locate(), aws.environment());
    List<Unit> units = UnitDiscovery.find(live, List.of(), List.of());
    backend = BackendDiscovery.of(terragrunt, units).get(0);
    new BackendBootstrapper(AwsClients.staticCredentials(aws.accessKeyId(), aws.secretAccessKey()), aws.url()).bootstrap(backend);

    // What each unit passes and how it configures its provider, read from the units themselves.
    ObjectNode inputs = JSON.createObjectNode();
    StringBuilder providers = new StringBuilder("# Written by the test from each live/local unit's generated provider.\n");
    JsonNode remoteState = null;
    for (Unit unit : units) {
      JsonNode rendered = terragrunt.render(unit.dir());
      inputs.set(unit.name(), rendered.path("inputs"));
      String alias = unit.name().replace('-', '_');
      providers.append(awsProviderBlock(rendered.path("generate").path("provider").path("contents").asText())
          .replaceFirst("provider \"aws\" \\{", "provider \"aws\" {\n  alias = \"" + alias + "\"")).append('\n');
      remoteState = rendered.path("remote_state").path("config");
    }
    JSON.writeValue(monolith.resolve("units.auto.tfvars.json").toFile(), JSON.createObjectNode().set("units", inputs));
    try (Stream<Path> groups = Files.list(monolith.resolve("client_stage"))) {
      for (Path group : groups.filter(Files::isDirectory).toList()) {
        Files.writeString(group.resolve("unit_providers.tf"), providers, StandardCharsets.UTF_8);
      }
    }
    StringBuilder backendConfig = new StringBuilder("key = \"" + MONOLITH_KEY + "\"\n");
    for (String key : BACKEND_KEYS) {
      JsonNode value = remoteState.path(key);
      if (!value.isMissingNode()) {
        backendConfig.append(key).append(" = ").append(value.isTextual() ? "\"" + value.asText() + "\"" : value.toString()).append('\n');
      }
    }
    Files.writeString(monolith.resolve("monolith.s3.tfbackend"), backendConfig, StandardCharsets.UTF_8);

    Terraform terraform = new Terraform(new ProcessRunner(), Toolchain.locate(), aws.environment());
    terraform.run(monolith, TIMEOUT, "init", "-input=false", "-backend-config=monolith.s3.tfbackend").requireSuccess();
    terraform.run(monolith, TIMEOUT, "apply", "-input=false", "-auto-approve").requireSuccess();

    components = new ArrayList<>();
    for (JsonNode resource : PlatformCli.json(monolithObject()).path("resources")) {
      String component = unitOf(resource.path("module").asText());
      if (component != null && !components.contains(component)) {
        components.add(component);
      }
    }
    assertThat(components).as("components found in the monolith").contains("vpc");
  }

  @Test
  void slicesTheMonolithIntoTheLiveUnitsWhichThenPlanCleanAgainstTheSameResources() {
    byte[] before = monolithObject();
    int versionsBefore = monolithVersions();
    String digestBefore = monolithDigest();
    String vpcId = vpcIdIn(PlatformCli.json(before));
    PlatformCli cli = new PlatformCli(repo, aws);

    ExecResult plan = cli.run("migrate", "plan", "--source", "s3://" + backend.bucket() + "/" + MONOLITH_KEY,
        "--source-region", backend.region(), "--source-lock-table", backend.lockTable(),
        "--live", "live/local", "--prefix", "module.client_stage.module.*", "--out", "migration.json");

    assertThat(plan.exitCode()).as(plan.stderr()).isZero();
    assertThat(plan.stdout()).contains(
        "unit vpc -> s3://" + backend.bucket() + "/local/vpc/terraform.tfstate",
        "module.client_stage.module.network.module.vpc.aws_vpc.this -> aws_vpc.this",
        "provider module.client_stage.module.network.provider[\"registry.terraform.io/hashicorp/aws\"].vpc -> provider[\"registry.terraform.io/hashicorp/aws\"]");

    ExecResult apply = cli.run("migrate", "apply", "migration.json", "--json", "migration-report.json", "--markdown", "migration-report.md");

    assertThat(apply.exitCode()).as(apply.stdout() + apply.stderr()).isZero();
    JsonNode report = PlatformCli.json(repo.resolve("migration-report.json"));
    assertThat(report.path("units")).extracting(u -> u.path("unit").asText()).containsExactlyInAnyOrderElementsOf(components);
    for (JsonNode unit : report.path("units")) {
      assertThat(unit.path("action").asText()).as(unit.toString()).isEqualTo("pushed");
      assertThat(unit.path("remote_plan").asText()).as(unit.toString()).isEqualTo("clean");
    }

    // Every migrated unit, as a user checks it: no resource to create, change or delete.
    List<String> args = new ArrayList<>(List.of("verify", "live/local", "--json", "verify.json"));
    components.forEach(c -> args.addAll(List.of("--include", c)));
    ExecResult verify = cli.run(args.toArray(String[]::new));
    assertThat(verify.exitCode()).as(verify.stdout() + verify.stderr()).isZero();
    assertThat(PlatformCli.json(repo.resolve("verify.json")).path("units")).hasSize(components.size());

    // The same VPC, not a new one; the monolith untouched, not even a new object version.
    JsonNode vpcState = PlatformCli.json(object("local/vpc/terraform.tfstate"));
    assertThat(vpcIdIn(vpcState)).isEqualTo(vpcId);
    try (Ec2Client ec2 = AwsSdk.client(Ec2Client.builder(), aws)) {
      assertThat(ec2.describeVpcs(b -> b.filters(Filter.builder().name("tag:Name").values("platform-local").build())).vpcs())
          .extracting(v -> v.vpcId()).containsExactly(vpcId);
    }
    assertThat(monolithObject()).isEqualTo(before);
    assertThat(monolithVersions()).isEqualTo(versionsBefore);
    assertThat(monolithDigest()).isEqualTo(digestBefore);
    assertThat(report.path("source").path("unchanged").asBoolean()).isTrue();
    // Apply held the monolith's lock while it ran, and gave it back.
    try (DynamoDbClient dynamo = AwsSdk.client(DynamoDbClient.builder(), aws)) {
      assertThat(dynamo.getItem(b -> b.tableName(backend.lockTable())
          .key(Map.of("LockID", AttributeValue.fromS(backend.bucket() + "/" + MONOLITH_KEY)))).item()).isEmpty();
    }
  }

  /** The {@code provider "aws"} block of a generated provider file (braces matched; strings hold none). */
  private static String awsProviderBlock(String contents) {
    int start = contents.indexOf("provider \"aws\" {");
    assertThat(start).as("the units generate an AWS provider").isNotNegative();
    int depth = 0;
    for (int i = contents.indexOf('{', start); i < contents.length(); i++) {
      char c = contents.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return contents.substring(start, i + 1);
      }
    }
    throw new AssertionError("unbalanced provider block");
  }

  /** The unit of a monolith module path: module.client_stage.module.GROUP.module.COMPONENT..., by convention. */
  private static String unitOf(String module) {
    String[] steps = module.split("\\.");
    return steps.length >= 6 ? steps[5].replace('_', '-') : null;
  }

  private static String vpcIdIn(JsonNode state) {
    for (JsonNode resource : state.path("resources")) {
      if (resource.path("type").asText().equals("aws_vpc") && resource.path("mode").asText().equals("managed")) {
        return resource.path("instances").get(0).path("attributes").path("id").asText();
      }
    }
    throw new AssertionError("no aws_vpc in the state");
  }

  private byte[] monolithObject() {
    return object(MONOLITH_KEY);
  }

  private byte[] object(String key) {
    try (S3Client s3 = AwsSdk.s3(aws)) {
      return s3.getObjectAsBytes(b -> b.bucket(backend.bucket()).key(key)).asByteArray();
    }
  }

  private int monolithVersions() {
    try (S3Client s3 = AwsSdk.s3(aws)) {
      return s3.listObjectVersions(b -> b.bucket(backend.bucket()).prefix(MONOLITH_KEY)).versions().size();
    }
  }

  private String monolithDigest() {
    try (DynamoDbClient dynamo = AwsSdk.client(DynamoDbClient.builder(), aws)) {
      return dynamo.getItem(b -> b.tableName(backend.lockTable())
          .key(Map.of("LockID", AttributeValue.fromS(backend.bucket() + "/" + MONOLITH_KEY + "-md5")))).item().get("Digest").s();
    }
  }
}
