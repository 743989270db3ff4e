package io.platform.terratest.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.platform.aws.AwsClients;
import io.platform.backend.BackendBootstrapper;
import io.platform.backend.BackendDiscovery;
import io.platform.backend.BackendSpec;
import io.platform.emulator.AwsEndpoint;
import io.platform.exec.ExecResult;
import io.platform.exec.ProcessRunner;
import io.platform.live.Unit;
import io.platform.live.UnitDiscovery;
import io.platform.migrate.address.HclString;
import io.platform.terraform.Terraform;
import io.platform.terraform.Terragrunt;
import io.platform.terratest.PlatformCli;
import io.platform.terratest.Repo;
import io.platform.testkit.AwsSdk;
import io.platform.testkit.WithEmulator;
import io.platform.toolchain.Engine;
import io.platform.toolchain.Toolchain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The seed's migration, end to end on the emulator, over the whole local estate: a monolith that
 * nests the real module of every live/local unit under {@code
 * module.client_stage.module.<group>.module.<component>}, with the inputs, wiring, providers and
 * emulator overrides of the units ({@link MonolithFixture}), is applied once with its state in the
 * emulator's S3; then {@code platform migrate plan} and {@code apply} slice it into every
 * live/local unit's S3 key, where each then plans clean against the same resources; the monolith's
 * state object is byte-identical before and after.
 */
@WithEmulator
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrateMonolithIT {
  private static final String FIXTURE = "tools/terratest/src/test/resources/migrate/monolith";
  private static final String KILL_SWITCH_JAR = "lambdas/kill-switch/target/kill-switch.jar";
  private static final String MONOLITH_KEY = "monolith/terraform.tfstate";

  /**
   * The AWS provider as both engines write it into the monolith's state and the units': the
   * fixture, like every module, spells its full address.
   */
  private static final String AWS = "provider[\"registry.terraform.io/hashicorp/aws\"]";

  /**
   * The engine of this pass (PLATFORM_ENGINE): it applies the monolith, slices it and plans the
   * units.
   */
  private static final Engine ENGINE = Toolchain.locate().engine();

  /**
   * The Terraform S3 backend settings among a unit's remote_state config (the rest is
   * Terragrunt's).
   */
  private static final List<String> BACKEND_KEYS =
      List.of(
          "bucket",
          "region",
          "encrypt",
          "kms_key_id",
          "dynamodb_table",
          "use_lockfile",
          "use_path_style",
          "skip_credentials_validation",
          "skip_metadata_api_check");

  private static final Duration TIMEOUT = Duration.ofMinutes(20);

  @TempDir static Path repo;
  private AwsEndpoint aws;
  private BackendSpec backend;
  private List<String> units;
  private List<MonolithFixture.Component> components;

  @BeforeAll
  void applyTheMonolith(AwsEndpoint endpoint) throws IOException {
    aws = endpoint;
    assertThat(Repo.root().resolve(KILL_SWITCH_JAR))
        .as(
            "the kill-switch unit deploys %s; build it first (mvn -B -DskipTests package)",
            KILL_SWITCH_JAR)
        .isRegularFile();
    Repo.copy(repo, "live", "modules", "toolchain.properties", KILL_SWITCH_JAR, FIXTURE);
    Path monolith = repo.resolve("monolith");
    Files.move(repo.resolve(FIXTURE), monolith);
    Terragrunt terragrunt =
        new Terragrunt(new ProcessRunner(), Toolchain.locate(), aws.environment());
    List<Unit> live = UnitDiscovery.find(repo.resolve("live/local"), List.of(), List.of());
    units = live.stream().map(Unit::name).toList();
    backend = BackendDiscovery.of(terragrunt, live).get(0);
    new BackendBootstrapper(
            AwsClients.staticCredentials(aws.accessKeyId(), aws.secretAccessKey()), aws.url())
        .bootstrap(backend);

    // Rendered while no unit has a state: dependency outputs are the mocks, which the fixture
    // wires.
    Map<Unit, JsonNode> rendered = new LinkedHashMap<>();
    live.forEach(unit -> rendered.put(unit, terragrunt.render(unit.dir())));
    components = MonolithFixture.write(monolith, rendered);
    // What the kill-switch unit's before_hook does: the jar next to the configuration, passed by
    // its bare name (jar_path), so the state keeps the same path string as the unit's.
    Files.copy(repo.resolve(KILL_SWITCH_JAR), monolith.resolve("kill-switch.jar"));

    JsonNode remoteState = rendered.values().iterator().next().path("remote_state").path("config");
    StringBuilder backendConfig = new StringBuilder("key = \"" + MONOLITH_KEY + "\"\n");
    for (String key : BACKEND_KEYS) {
      JsonNode value = remoteState.path(key);
      if (!value.isMissingNode()) {
        backendConfig
            .append(key)
            .append(" = ")
            .append(value.isTextual() ? HclString.quote(value.asText()) : value.toString())
            .append('\n');
      }
    }
    Files.writeString(
        monolith.resolve("monolith.s3.tfbackend"), backendConfig, StandardCharsets.UTF_8);

    Terraform terraform = new Terraform(new ProcessRunner(), Toolchain.locate(), aws.environment());
    terraform
        .run(monolith, TIMEOUT, "init", "-input=false", "-backend-config=monolith.s3.tfbackend")
        .requireSuccess();
    long start = System.nanoTime();
    terraform.run(monolith, TIMEOUT, "apply", "-input=false", "-auto-approve").requireSuccess();
    System.out.printf(
        "monolith of %d components applied in %d s%n", components.size(), elapsedSeconds(start));
  }

  @Test
  void slicesTheMonolithIntoEveryLiveUnitWhichThenPlansCleanAgainstTheSameResources() {
    byte[] before = monolithObject();
    JsonNode monolithState = PlatformCli.json(before);
    int versionsBefore = monolithVersions();
    String digestBefore = monolithDigest();
    PlatformCli cli = new PlatformCli(repo, aws);
    assertThat(components)
        .extracting(c -> c.unit().name())
        .containsExactlyInAnyOrderElementsOf(units);

    long start = System.nanoTime();
    ExecResult plan =
        cli.run(
            "migrate",
            "plan",
            "--source",
            "s3://" + backend.bucket() + "/" + MONOLITH_KEY,
            "--source-region",
            backend.region(),
            "--source-lock-table",
            backend.lockTable(),
            "--live",
            "live/local",
            "--mapping",
            "monolith/" + MonolithFixture.MAPPING,
            "--out",
            "migration.json");

    assertThat(plan.exitCode()).as(plan.stderr()).isZero();
    for (String unit : units) {
      assertThat(plan.stdout())
          .contains(
              "unit "
                  + unit
                  + " -> s3://"
                  + backend.bucket()
                  + "/local/"
                  + unit
                  + "/terraform.tfstate");
    }
    // Renamed by the mapping file, nested two modules deep, its provider passed down from the
    // group.
    assertThat(plan.stdout())
        .contains(
            "module.client_stage.module.access.module.tunnel.aws_autoscaling_group.this -> aws_autoscaling_group.this",
            "provider module.client_stage.module.access." + AWS + ".tunnel -> " + AWS);
    // Apply runs a unit once the units its dependency blocks name are done, and others meanwhile.
    JsonNode planned = PlatformCli.json(repo.resolve("migration.json"));
    assertThat(planned.path("engine").path("name").asText()).isEqualTo(ENGINE.command());
    for (MonolithFixture.Component component : components) {
      List<String> dependsOn = new ArrayList<>();
      InputWiring.fields(component.rendered().path("dependency"))
          .forEach(
              d ->
                  dependsOn.add(
                      repo.resolve("live/local")
                          .relativize(
                              component
                                  .unit()
                                  .dir()
                                  .resolve(d.getValue().path("config_path").asText())
                                  .normalize())
                          .toString()));
      JsonNode unit =
          StreamSupport.stream(planned.path("units").spliterator(), false)
              .filter(u -> u.path("name").asText().equals(component.unit().name()))
              .findFirst()
              .orElseThrow();
      assertThat(unit.path("depends_on"))
          .as(component.unit().name())
          .extracting(JsonNode::asText)
          .containsExactlyInAnyOrderElementsOf(dependsOn);
    }

    ExecResult apply =
        cli.run(
            "migrate",
            "apply",
            "migration.json",
            "--json",
            "migration-report.json",
            "--markdown",
            "migration-report.md");
    System.out.printf(
        "migrate plan and apply of %d units took %d s%n", units.size(), elapsedSeconds(start));

    assertThat(apply.exitCode()).as(apply.stdout() + apply.stderr()).isZero();
    JsonNode report = PlatformCli.json(repo.resolve("migration-report.json"));
    assertThat(report.path("engine").path("name").asText()).isEqualTo(ENGINE.command());
    assertThat(report.path("units"))
        .extracting(u -> u.path("unit").asText())
        .containsExactlyInAnyOrderElementsOf(units);
    for (JsonNode unit : report.path("units")) {
      // Every unit has outputs that its sliced state lacks until the apply writes them.
      assertThat(unit.path("action").asText()).as(unit.toString()).isEqualTo("pushed");
      assertThat(unit.path("local_plan").asText()).as(unit.toString()).isEqualTo("output-only");
      assertThat(unit.path("outputs_materialized").asBoolean()).as(unit.toString()).isTrue();
      // Planned by platform verify's own verifier against the unit's S3 state, once its outputs
      // are written and every unit it depends on is in place: no resource to create, change
      // or delete, as a later `platform verify live/local` finds it.
      assertThat(unit.path("remote_plan").asText()).as(unit.toString()).isEqualTo("clean");
    }

    // Each unit's state holds its component's resources, the same objects by id.
    for (MonolithFixture.Component component : components) {
      String module =
          "module.client_stage.module." + component.group() + ".module." + component.name();
      JsonNode unitState =
          PlatformCli.json(object("local/" + component.unit().name() + "/terraform.tfstate"));
      assertThat(managedIds(unitState, ""))
          .as(component.unit().name())
          .isNotEmpty()
          .containsExactlyInAnyOrderElementsOf(managedIds(monolithState, module));
      // Under the address both engines read, whichever engine wrote the monolith.
      assertThat(unitState.path("resources"))
          .as(component.unit().name())
          .extracting(r -> r.path("provider").asText())
          .containsOnly(AWS);
    }
    // The emulator holds what the monolith made, no second copy of anything.
    assertThat(liveIds())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "aws_vpc", attributes(monolithState, "aws_vpc", "id"),
                "aws_instance", attributes(monolithState, "aws_instance", "id"),
                "aws_eks_cluster", attributes(monolithState, "aws_eks_cluster", "name"),
                "aws_lb", attributes(monolithState, "aws_lb", "arn"),
                "aws_db_instance", attributes(monolithState, "aws_db_instance", "identifier"),
                "aws_lambda_function",
                    attributes(monolithState, "aws_lambda_function", "function_name")));

    // The monolith untouched, not even a new object version.
    assertThat(monolithObject()).isEqualTo(before);
    assertThat(monolithVersions()).isEqualTo(versionsBefore);
    assertThat(monolithDigest()).isEqualTo(digestBefore);
    assertThat(report.path("source").path("unchanged").asBoolean()).isTrue();
    // Apply held the monolith's lock while it ran, and gave it back.
    try (DynamoDbClient dynamo = AwsSdk.client(DynamoDbClient.builder(), aws)) {
      assertThat(
              dynamo
                  .getItem(
                      b ->
                          b.tableName(backend.lockTable())
                              .key(
                                  Map.of(
                                      "LockID",
                                      AttributeValue.fromS(backend.bucket() + "/" + MONOLITH_KEY))))
                  .item())
          .isEmpty();
    }
  }

  /** "type id" of every managed instance in {@code module} or below ("" for the whole state). */
  private static List<String> managedIds(JsonNode state, String module) {
    List<String> ids = new ArrayList<>();
    for (JsonNode resource : state.path("resources")) {
      String at = resource.path("module").asText();
      if (resource.path("mode").asText().equals("managed")
          && (module.isEmpty() || at.equals(module) || at.startsWith(module + "."))) {
        resource
            .path("instances")
            .forEach(
                i ->
                    ids.add(
                        resource.path("type").asText()
                            + " "
                            + i.path("attributes").path("id").asText()));
      }
    }
    return ids;
  }

  private static List<String> attributes(JsonNode state, String type, String attribute) {
    List<String> values = new ArrayList<>();
    for (JsonNode resource : state.path("resources")) {
      if (resource.path("mode").asText().equals("managed")
          && resource.path("type").asText().equals(type)) {
        resource
            .path("instances")
            .forEach(i -> values.add(i.path("attributes").path(attribute).asText()));
      }
    }
    return values.stream().sorted().toList();
  }

  /**
   * The identifiers the emulator lists, per resource type; the VPCs and instances the live tree
   * tags.
   */
  private Map<String, List<String>> liveIds() {
    Filter managed = Filter.builder().name("tag:ManagedBy").values("terragrunt").build();
    try (Ec2Client ec2 = AwsSdk.client(Ec2Client.builder(), aws);
        EksClient eks = AwsSdk.client(EksClient.builder(), aws);
        ElasticLoadBalancingV2Client elb =
            AwsSdk.client(ElasticLoadBalancingV2Client.builder(), aws);
        RdsClient rds = AwsSdk.client(RdsClient.builder(), aws);
        LambdaClient lambda = AwsSdk.client(LambdaClient.builder(), aws)) {
      Map<String, List<String>> ids =
          Map.of(
              "aws_vpc",
                  ec2.describeVpcs(b -> b.filters(managed)).vpcs().stream()
                      .map(v -> v.vpcId())
                      .toList(),
              "aws_instance",
                  ec2
                      .describeInstances(
                          b ->
                              b.filters(
                                  managed,
                                  Filter.builder()
                                      .name("instance-state-name")
                                      .values("pending", "running", "stopping", "stopped")
                                      .build()))
                      .reservations()
                      .stream()
                      .map(Reservation::instances)
                      .flatMap(List::stream)
                      .map(i -> i.instanceId())
                      .toList(),
              "aws_eks_cluster", eks.listClusters().clusters(),
              "aws_lb",
                  elb.describeLoadBalancers().loadBalancers().stream()
                      .map(l -> l.loadBalancerArn())
                      .toList(),
              "aws_db_instance",
                  rds.describeDBInstances().dbInstances().stream()
                      .map(d -> d.dbInstanceIdentifier())
                      .toList(),
              "aws_lambda_function",
                  lambda.listFunctions().functions().stream().map(f -> f.functionName()).toList());
      Map<String, List<String>> sorted = new LinkedHashMap<>();
      ids.forEach((type, values) -> sorted.put(type, values.stream().sorted().toList()));
      return sorted;
    }
  }

  private static long elapsedSeconds(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
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
      return s3.listObjectVersions(b -> b.bucket(backend.bucket()).prefix(MONOLITH_KEY))
          .versions()
          .size();
    }
  }

  private String monolithDigest() {
    try (DynamoDbClient dynamo = AwsSdk.client(DynamoDbClient.builder(), aws)) {
      return dynamo
          .getItem(
              b ->
                  b.tableName(backend.lockTable())
                      .key(
                          Map.of(
                              "LockID",
                              AttributeValue.fromS(
                                  backend.bucket() + "/" + MONOLITH_KEY + "-md5"))))
          .item()
          .get("Digest")
          .s();
    }
  }
}
