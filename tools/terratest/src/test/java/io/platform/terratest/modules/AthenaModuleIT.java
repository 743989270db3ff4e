package io.platform.terratest.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.platform.emulator.AwsEndpoint;
import io.platform.terratest.Repo;
import io.platform.terratest.Terratest;
import io.platform.testkit.AwsSdk;
import io.platform.testkit.WithEmulator;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.EncryptionOption;
import software.amazon.awssdk.services.athena.model.WorkGroupConfiguration;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;

@WithEmulator
class AthenaModuleIT {
  private static final String EXAMPLE = "modules/athena/examples/complete";

  @Test
  void enforcedWorkgroupsWriteToAnEncryptedPrivateBucket(@TempDir Path temp, AwsEndpoint aws) {
    Path example = Repo.copy(temp, "modules").resolve(EXAMPLE);

    try (Terratest athena = Terratest.of(example, aws).var("name", "athena-it");
        AthenaClient client = AwsSdk.client(AthenaClient.builder(), aws);
        S3Client s3 = AwsSdk.s3(aws)) {
      athena.applyAndIdempotent();

      String bucket = athena.output("results_bucket_name");
      String kmsKey = athena.output("kms_key_arn");
      JsonNode workgroups = Json.read(athena.output("workgroups"));
      assertThat(workgroups.fieldNames())
          .toIterable()
          .containsExactlyInAnyOrder("powerbi", "openmetadata");

      // The 1 GiB default and the example's tighter 100 MiB cutoff; clients cannot override.
      Map<String, Long> cutoffs = Map.of("powerbi", 1073741824L, "openmetadata", 104857600L);
      cutoffs.forEach(
          (name, cutoff) -> {
            WorkGroupConfiguration config =
                client.getWorkGroup(b -> b.workGroup(name)).workGroup().configuration();
            assertThat(config.bytesScannedCutoffPerQuery()).as(name).isEqualTo(cutoff);
            assertThat(config.publishCloudWatchMetricsEnabled()).as(name).isTrue();
            assertThat(config.enforceWorkGroupConfiguration()).as(name).isTrue();
            assertThat(config.resultConfiguration().outputLocation())
                .isEqualTo("s3://" + bucket + "/" + name + "/");
            assertThat(config.resultConfiguration().encryptionConfiguration().encryptionOption())
                .isEqualTo(EncryptionOption.SSE_KMS);
            assertThat(config.resultConfiguration().encryptionConfiguration().kmsKey())
                .isEqualTo(kmsKey);
          });

      ServerSideEncryptionByDefault sse =
          s3.getBucketEncryption(b -> b.bucket(bucket))
              .serverSideEncryptionConfiguration()
              .rules()
              .get(0)
              .applyServerSideEncryptionByDefault();
      assertThat(sse.sseAlgorithmAsString()).isEqualTo("aws:kms");
      assertThat(sse.kmsMasterKeyID()).isEqualTo(kmsKey);

      PublicAccessBlockConfiguration block =
          s3.getPublicAccessBlock(b -> b.bucket(bucket)).publicAccessBlockConfiguration();
      assertThat(block.blockPublicAcls()).isTrue();
      assertThat(block.blockPublicPolicy()).isTrue();
      assertThat(block.ignorePublicAcls()).isTrue();
      assertThat(block.restrictPublicBuckets()).isTrue();

      assertThat(s3.getBucketVersioning(b -> b.bucket(bucket)).status())
          .isEqualTo(BucketVersioningStatus.ENABLED);

      LifecycleRule rule = s3.getBucketLifecycleConfiguration(b -> b.bucket(bucket)).rules().get(0);
      assertThat(rule.expiration().days()).isEqualTo(14);
      assertThat(rule.noncurrentVersionExpiration().noncurrentDays()).isEqualTo(7);

      // TLS only: every request without aws:SecureTransport is denied.
      JsonNode statement =
          Json.read(s3.getBucketPolicy(b -> b.bucket(bucket)).policy()).path("Statement").get(0);
      assertThat(statement.path("Effect").asText()).isEqualTo("Deny");
      assertThat(statement.path("Action").asText()).isEqualTo("s3:*");
      assertThat(statement.at("/Condition/Bool/aws:SecureTransport").asText()).isEqualTo("false");

      athena.destroy();
      assertThat(client.listWorkGroups(b -> {}).workGroups())
          .extracting(w -> w.name())
          .doesNotContain("powerbi", "openmetadata");
      assertThatThrownBy(() -> s3.headBucket(b -> b.bucket(bucket)))
          .isInstanceOf(NoSuchBucketException.class);
    }
  }

  @Test
  void cutoffBelowTenMebibytesIsRefusedWithTheReason(@TempDir Path temp, AwsEndpoint aws) {
    String error =
        ModuleInputs.refusal(
            temp,
            aws,
            "athena",
            """
              name       = "athena-refused"
              workgroups = { openmetadata = { bytes_scanned_cutoff_per_query = 1048576 } }
            """);

    assertThat(error).contains("at least 10485760 (10 MiB, the Athena minimum)");
  }
}
