package io.platform.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import org.junit.jupiter.api.Test;

class BackendSpecTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void readsTheTerragruntRemoteStateKeys() throws Exception {
    BackendSpec spec =
        BackendSpec.fromRemoteStateConfig(
            JSON.readTree(
                """
                {"bucket": "state", "region": "eu-west-1", "key": "prod/vpc/terraform.tfstate",
                 "dynamodb_table": "locks", "bucket_sse_kms_key_id": "alias/state",
                 "s3_bucket_tags": {"Environment": "prod"}, "dynamodb_table_tags": {"Team": "platform"}}
                """));

    assertThat(spec.bucket()).isEqualTo("state");
    assertThat(spec.region()).isEqualTo("eu-west-1");
    assertThat(spec.lockTable()).isEqualTo("locks");
    assertThat(spec.kmsKeyId()).isEqualTo("alias/state");
    assertThat(spec.enforceTls()).isTrue();
    assertThat(spec.s3Endpoint()).isNull();
    assertThat(spec.bucketTags()).containsEntry("Environment", "prod");
    assertThat(spec.tableTags()).containsEntry("Team", "platform");
  }

  @Test
  void s3NativeLockingNeedsNoTableAndEmulatorSettingsAreHonoured() throws Exception {
    BackendSpec spec =
        BackendSpec.fromRemoteStateConfig(
            JSON.readTree(
                """
                {"bucket": "state", "region": "us-east-1", "use_lockfile": true,
                 "skip_bucket_enforced_tls": true, "endpoints": {"s3": "http://127.0.0.1:5000"}}
                """));

    assertThat(spec.lockTable()).isNull();
    assertThat(spec.enforceTls()).isFalse();
    assertThat(spec.s3Endpoint()).isEqualTo(URI.create("http://127.0.0.1:5000"));
    assertThat(spec.identity()).isEqualTo("us-east-1/state/");
  }

  @Test
  void aMissingBucketIsNamedInTheError() throws Exception {
    assertThatThrownBy(
            () -> BackendSpec.fromRemoteStateConfig(JSON.readTree("{\"region\": \"us-east-1\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'bucket'");
  }

  @Test
  void theTlsStatementDeniesPlainHttpOnTheBucketAndItsObjects() {
    String statement =
        BackendBootstrapper.tlsStatement("state", BackendBootstrapper.partition("eu-west-1"))
            .toString();

    assertThat(statement)
        .contains("\"Effect\":\"Deny\"")
        .contains("\"aws:SecureTransport\":\"false\"")
        .contains("arn:aws:s3:::state\"", "arn:aws:s3:::state/*");
    assertThat(BackendBootstrapper.partition("cn-north-1")).isEqualTo("aws-cn");
    assertThat(BackendBootstrapper.partition("us-gov-west-1")).isEqualTo("aws-us-gov");
  }
}
