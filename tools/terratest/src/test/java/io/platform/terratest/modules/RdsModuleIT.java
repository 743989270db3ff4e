package io.platform.terratest.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.platform.emulator.AwsEndpoint;
import io.platform.terratest.Repo;
import io.platform.terratest.Terratest;
import io.platform.testkit.AwsSdk;
import io.platform.testkit.WithEmulator;
import io.platform.verify.ChangeAction;
import io.platform.verify.ResourceChange;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;
import software.amazon.awssdk.services.rds.model.Parameter;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

@WithEmulator
class RdsModuleIT {
  private static final String EXAMPLE = "modules/rds/examples/complete";

  /**
   * What moto does not read back (docs/emulator-gaps.md), per resource type: the parameter group's
   * parameters, Performance Insights, and the description of a rule that references a security
   * group. A plan after the full example may touch these and nothing else.
   */
  private static final Map<String, Set<String>> EMULATOR_GAPS =
      Map.of(
          "aws_db_parameter_group", Set.of("parameter"),
          "aws_db_instance",
              Set.of(
                  "performance_insights_enabled",
                  "performance_insights_kms_key_id",
                  "performance_insights_retention_period"),
          "aws_vpc_security_group_ingress_rule", Set.of("description"));

  @Test
  void privateEncryptedDatabaseWithManagedSecretConvergesAndIsDestroyed(
      @TempDir Path temp, AwsEndpoint aws) {
    Path example = Repo.copy(temp, "modules").resolve(EXAMPLE);

    // The settings live/local uses for the emulator's gaps, so that the second plan is clean.
    try (Terratest db =
            Terratest.of(example, aws)
                .var("name", "rds-it")
                .var("allow_client_security_group", false)
                .var("performance_insights_enabled", false)
                .var("parameter_group_name", "default.postgres16");
        RdsClient rds = AwsSdk.client(RdsClient.builder(), aws);
        Ec2Client ec2 = AwsSdk.client(Ec2Client.builder(), aws);
        SecretsManagerClient secrets = AwsSdk.client(SecretsManagerClient.builder(), aws)) {
      db.applyAndIdempotent();

      String kmsKey = db.output("kms_key_arn");
      DBInstance instance = instance(rds, db.output("db_instance_identifier"));
      assertThat(instance.publiclyAccessible()).as("publicly accessible").isFalse();
      assertThat(instance.storageEncrypted()).as("storage encrypted").isTrue();
      assertThat(instance.kmsKeyId()).isEqualTo(kmsKey);
      assertThat(instance.iamDatabaseAuthenticationEnabled()).isTrue();
      assertThat(instance.engine()).isEqualTo("postgres");
      assertThat(instance.endpoint().port()).isEqualTo(5432);

      // The master password lives only in the RDS-managed secret, under the same key.
      assertThat(instance.masterUserSecret().secretArn())
          .isEqualTo(db.output("master_user_secret_arn"));
      assertThat(instance.masterUserSecret().kmsKeyId()).isEqualTo(kmsKey);
      assertThat(secrets.describeSecret(b -> b.secretId(db.output("master_user_secret_arn"))).arn())
          .isEqualTo(db.output("master_user_secret_arn"));

      String securityGroup = db.output("security_group_id");
      assertThat(instance.vpcSecurityGroups())
          .singleElement()
          .satisfies(g -> assertThat(g.vpcSecurityGroupId()).isEqualTo(securityGroup));

      // Ingress on the database port from the private subnets only; no egress at all.
      SecurityGroup group =
          ec2.describeSecurityGroups(b -> b.groupIds(securityGroup)).securityGroups().get(0);
      assertThat(group.ipPermissionsEgress()).isEmpty();
      assertThat(group.ipPermissions()).allSatisfy(RdsModuleIT::onlyThePostgresPort);
      assertThat(
              group.ipPermissions().stream()
                  .flatMap(p -> p.ipRanges().stream())
                  .map(IpRange::cidrIp))
          .containsExactlyInAnyOrderElementsOf(db.outputList("private_subnets_cidr_blocks"));

      db.destroy();
      assertThatThrownBy(() -> instance(rds, "rds-it"))
          .isInstanceOf(DbInstanceNotFoundException.class);
    }
  }

  @Test
  void moduleParameterGroupForcesTlsAndClientGroupIsAdmitted(@TempDir Path temp, AwsEndpoint aws) {
    Path example = Repo.copy(temp, "modules").resolve(EXAMPLE);

    try (Terratest db = Terratest.of(example, aws).var("name", "rds-it-params");
        RdsClient rds = AwsSdk.client(RdsClient.builder(), aws);
        Ec2Client ec2 = AwsSdk.client(Ec2Client.builder(), aws)) {
      db.initAndApply();

      String groupName = db.output("db_parameter_group_name");
      assertThat(instance(rds, "rds-it-params").dbParameterGroups())
          .singleElement()
          .satisfies(g -> assertThat(g.dbParameterGroupName()).isEqualTo(groupName));
      Map<String, String> parameters =
          rds.describeDBParameters(b -> b.dbParameterGroupName(groupName)).parameters().stream()
              .collect(Collectors.toMap(Parameter::parameterName, Parameter::parameterValue));
      assertThat(parameters)
          .containsEntry("rds.force_ssl", "1")
          .containsEntry("log_connections", "1")
          .containsEntry("log_min_duration_statement", "500");

      SecurityGroup group =
          ec2.describeSecurityGroups(b -> b.groupIds(db.output("security_group_id")))
              .securityGroups()
              .get(0);
      assertThat(
              group.ipPermissions().stream()
                  .flatMap(p -> p.userIdGroupPairs().stream())
                  .map(p -> p.groupId()))
          .containsExactly(db.output("client_security_group_id"));

      // Whatever the next plan would change is one of the emulator's known gaps, nothing else.
      List<ResourceChange> changes = db.plan().changes();
      assertThat(changes)
          .allSatisfy(
              change -> {
                assertThat(change.actions()).containsExactly(ChangeAction.UPDATE);
                assertThat(change.changedAttributes())
                    .as(change.address())
                    .isSubsetOf(
                        EMULATOR_GAPS.getOrDefault(resourceType(change.address()), Set.of()));
              });
    }
  }

  private static DBInstance instance(RdsClient rds, String identifier) {
    return rds.describeDBInstances(b -> b.dbInstanceIdentifier(identifier)).dbInstances().get(0);
  }

  private static void onlyThePostgresPort(IpPermission permission) {
    assertThat(permission.ipProtocol()).isEqualTo("tcp");
    assertThat(permission.fromPort()).isEqualTo(5432);
    assertThat(permission.toPort()).isEqualTo(5432);
  }

  /** {@code module.rds.aws_db_instance.this} -> {@code aws_db_instance}. */
  private static String resourceType(String address) {
    String[] parts = address.split("\\.");
    return parts[parts.length - 2];
  }
}
