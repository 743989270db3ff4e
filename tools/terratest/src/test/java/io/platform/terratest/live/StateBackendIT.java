package io.platform.terratest.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.platform.aws.AwsClients;
import io.platform.backend.BackendBootstrapper;
import io.platform.backend.BackendSpec;
import io.platform.backend.BootstrapStep;
import io.platform.emulator.AwsEndpoint;
import io.platform.exec.Command;
import io.platform.exec.ExecResult;
import io.platform.exec.ProcessRunner;
import io.platform.terraform.Terragrunt;
import io.platform.terratest.Repo;
import io.platform.testkit.AwsSdk;
import io.platform.testkit.WithEmulator;
import io.platform.toolchain.Toolchain;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.SSEStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The state backend of live/local, for real: bootstrapped on the emulator, the vpc unit applied
 * through Terragrunt, then the state object, the bucket, the lock table and the lock itself are
 * checked through the AWS API.
 */
@WithEmulator
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StateBackendIT {
  private static final String BUCKET = "platform-local-tfstate-123456789012";
  private static final String TABLE = "platform-local-tflock";
  private static final String STATE_KEY = "local/vpc/terraform.tfstate";
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  @TempDir static Path repo;
  private AwsEndpoint aws;
  private Terragrunt terragrunt;
  private Path unit;

  @BeforeAll
  void applyTheVpcUnit(AwsEndpoint endpoint) {
    aws = endpoint;
    Repo.copy(repo, "live", "modules", "toolchain.properties");
    unit = repo.resolve("live/local/vpc");
    terragrunt = new Terragrunt(new ProcessRunner(), Toolchain.locate(), aws.environment());
    BackendSpec backend =
        BackendSpec.fromRemoteStateConfig(
            terragrunt.render(unit).path("remote_state").path("config"));
    bootstrapper().bootstrap(backend);
    terragrunt.run(unit, TIMEOUT, null, "apply", "-input=false", "-auto-approve").requireSuccess();
  }

  private BackendBootstrapper bootstrapper() {
    return new BackendBootstrapper(
        AwsClients.staticCredentials(aws.accessKeyId(), aws.secretAccessKey()), aws.url());
  }

  @Test
  void stateLivesUnderTheUnitKeyEncryptedWithKmsInAVersionedBucket() {
    try (S3Client s3 = AwsSdk.s3(aws)) {
      var head = s3.headObject(b -> b.bucket(BUCKET).key(STATE_KEY));
      assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
      assertThat(s3.getBucketVersioning(b -> b.bucket(BUCKET)).status())
          .isEqualTo(BucketVersioningStatus.ENABLED);
      assertThat(s3.listObjectVersions(b -> b.bucket(BUCKET).prefix(STATE_KEY)).versions())
          .isNotEmpty();
      assertThat(
              s3.getBucketEncryption(b -> b.bucket(BUCKET))
                  .serverSideEncryptionConfiguration()
                  .rules()
                  .get(0)
                  .applyServerSideEncryptionByDefault()
                  .sseAlgorithm())
          .isEqualTo(ServerSideEncryption.AWS_KMS);
      var block = s3.getPublicAccessBlock(b -> b.bucket(BUCKET)).publicAccessBlockConfiguration();
      assertThat(
              List.of(
                  block.blockPublicAcls(),
                  block.ignorePublicAcls(),
                  block.blockPublicPolicy(),
                  block.restrictPublicBuckets()))
          .containsOnly(true);
    }
    try (DynamoDbClient dynamo = AwsSdk.client(DynamoDbClient.builder(), aws)) {
      assertThat(dynamo.describeTable(b -> b.tableName(TABLE)).table().sseDescription().status())
          .isEqualTo(SSEStatus.ENABLED);
      // Terraform keeps the state's digest next to the locks: proof the table is in use.
      assertThat(
              dynamo
                  .getItem(
                      b ->
                          b.tableName(TABLE)
                              .key(
                                  Map.of(
                                      "LockID",
                                      AttributeValue.fromS(BUCKET + "/" + STATE_KEY + "-md5"))))
                  .item())
          .containsKey("Digest");
    }
  }

  @Test
  void aSecondPlanFailsWhileAnotherProcessHoldsTheLockAndSucceedsAfterRelease() throws Exception {
    // The first process is a real apply with a pending change, parked at its confirmation
    // prompt: it holds the unit's DynamoDB lock until it is answered.
    Command apply =
        terragrunt
            .command(unit, List.of("apply"))
            .withEnvironment(Map.of("TF_INPUT", "1", "TF_VAR_tags", "{\"LockProbe\":\"held\"}"));
    ProcessBuilder builder =
        new ProcessBuilder(apply.argv()).directory(unit.toFile()).redirectErrorStream(true);
    builder.environment().putAll(apply.environment());
    builder.redirectOutput(repo.resolve("holder.log").toFile());
    Process holder = builder.start();
    try (DynamoDbClient dynamo = AwsSdk.client(DynamoDbClient.builder(), aws)) {
      JsonNode lock = awaitLock(dynamo, holder);
      assertThat(lock.path("Operation").asText()).isEqualTo("OperationTypeApply");

      ExecResult blocked =
          terragrunt.plan(
              unit, repo.resolve("blocked.tfplan"), TIMEOUT, List.of("-lock-timeout=0s"));
      assertThat(blocked.succeeded()).isFalse();
      assertThat(blocked.stderr() + blocked.stdout()).contains("Error acquiring the state lock");

      try (OutputStream answer = holder.getOutputStream()) {
        answer.write("no\n".getBytes(StandardCharsets.UTF_8));
      }
      assertThat(holder.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(lockItem(dynamo)).isNull();

      ExecResult released =
          terragrunt.plan(
              unit, repo.resolve("released.tfplan"), TIMEOUT, List.of("-lock-timeout=0s"));
      assertThat(released.succeeded()).as(released.stderr()).isTrue();
    } finally {
      ProcessRunner.stop(holder.toHandle());
    }
  }

  @Test
  void stagingBootstrapPathAttachesTheTlsOnlyPolicyAndIsIdempotent() {
    // The same remote_state block staging and prod use (with a fake account id), bootstrapped
    // on the emulator: there the TLS-only statement is not skipped.
    Terragrunt staging =
        new Terragrunt(
            new ProcessRunner(),
            Toolchain.locate(),
            Map.of("PLATFORM_STAGING_ACCOUNT_ID", "123456789012"));
    BackendSpec spec =
        BackendSpec.fromRemoteStateConfig(
            staging.render(repo.resolve("live/staging/vpc")).path("remote_state").path("config"));
    assertThat(spec.enforceTls()).isTrue();

    List<BootstrapStep> first = bootstrapper().bootstrap(spec);
    List<BootstrapStep> second = bootstrapper().bootstrap(spec);

    assertThat(first)
        .contains(
            new BootstrapStep(spec.bucket(), "tls-only policy", "set"),
            new BootstrapStep(spec.bucket(), "tags", "set"));
    // A rerun changes nothing, and says so for every setting, tags included.
    assertThat(second).extracting(BootstrapStep::outcome).containsOnly("exists", "unchanged");
    try (S3Client s3 = AwsSdk.s3(aws.withRegion(spec.region()))) {
      JsonNode statement =
          statement(
              s3.getBucketPolicy(b -> b.bucket(spec.bucket())).policy(),
              BackendBootstrapper.TLS_STATEMENT_SID);
      assertThat(statement.path("Effect").asText()).isEqualTo("Deny");
      assertThat(statement.path("Condition").path("Bool").path("aws:SecureTransport").asText())
          .isEqualTo("false");
    }
  }

  private static JsonNode statement(String policy, String sid) {
    try {
      for (JsonNode statement : new ObjectMapper().readTree(policy).path("Statement")) {
        if (sid.equals(statement.path("Sid").asText())) {
          return statement;
        }
      }
    } catch (IOException e) {
      throw new AssertionError("unreadable bucket policy: " + policy, e);
    }
    throw new AssertionError("no statement " + sid + " in " + policy);
  }

  private JsonNode awaitLock(DynamoDbClient dynamo, Process holder) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      Map<String, AttributeValue> item = lockItem(dynamo);
      if (item != null) {
        return new ObjectMapper().readTree(item.get("Info").s());
      }
      assertThat(holder.isAlive())
          .as("the lock-holding apply exited early; see holder.log")
          .isTrue();
      Thread.sleep(200);
    }
    throw new AssertionError("the apply never took the lock");
  }

  private static Map<String, AttributeValue> lockItem(DynamoDbClient dynamo) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                b ->
                    b.tableName(TABLE)
                        .key(Map.of("LockID", AttributeValue.fromS(BUCKET + "/" + STATE_KEY))))
            .item();
    return item == null || item.isEmpty() ? null : item;
  }
}
