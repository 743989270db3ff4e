package io.platform.terratest.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.platform.emulator.AwsEndpoint;
import io.platform.terratest.Terratest;
import io.platform.testkit.AwsSdk;
import io.platform.testkit.WithEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * The Cloudflare Tunnel connector on the emulator: an instance nobody can reach (no public
 * address, no key pair, no inbound rule, IMDSv2 only), its CMK-encrypted volume and empty token
 * secret, and a role that reads that one secret, read back from EC2, IAM, KMS and Secrets
 * Manager.
 */
@WithEmulator
class CloudflaredEc2ModuleIT {
  /** moto has no RHEL image; its built-in arm64 image stands in (docs/emulator-gaps.md). */
  static final String EMULATOR_ARM64_AMI = "ami-0e9271c829888680e";

  @Test
  void connectorIsUnreachableReadsOnlyItsSecretConvergesAndIsDestroyed(@TempDir Path temp, AwsEndpoint aws) {
    Path example = ModuleExamples.complete(temp, "cloudflared-ec2");

    try (Terratest connector = Terratest.of(example, aws).var("name", "cfd-it").var("ami_id", EMULATOR_ARM64_AMI);
        Ec2Client ec2 = AwsSdk.client(Ec2Client.builder(), aws);
        IamClient iam = AwsSdk.client(IamClient.builder(), aws);
        KmsClient kms = AwsSdk.client(KmsClient.builder(), aws);
        SecretsManagerClient secrets = AwsSdk.client(SecretsManagerClient.builder(), aws)) {
      connector.applyAndIdempotent();

      String instanceId = connector.output("instance_id");
      String securityGroupId = connector.output("security_group_id");
      String keyArn = connector.output("token_secret_kms_key_arn");
      String secretArn = connector.output("token_secret_arn");

      Instance instance = ec2.describeInstances(b -> b.instanceIds(instanceId)).reservations().get(0).instances().get(0);
      assertThat(instance.state().name()).isEqualTo(InstanceStateName.RUNNING);
      assertThat(instance.instanceTypeAsString()).isEqualTo("t4g.micro");
      assertThat(instance.imageId()).isEqualTo(EMULATOR_ARM64_AMI);
      assertThat(instance.subnetId()).isEqualTo(connector.output("private_subnet_id"));

      // Nobody can reach it: no public address, no key pair, IMDSv2 only and one hop.
      assertThat(instance.publicIpAddress()).isNull();
      assertThat(instance.networkInterfaces()).singleElement().satisfies(eni -> {
        assertThat(eni.association() == null ? null : eni.association().publicIp()).isNull();
        assertThat(eni.groups()).extracting(g -> g.groupId()).containsExactly(securityGroupId);
      });
      assertThat(instance.keyName()).isNull();
      assertThat(instance.metadataOptions().httpTokens()).isEqualTo(HttpTokensState.REQUIRED);
      assertThat(instance.metadataOptions().httpPutResponseHopLimit()).isEqualTo(1);

      // The root volume: gp3, 8 GiB, encrypted with the module's key.
      List<Volume> volumes =
          ec2.describeVolumes(b -> b.filters(f -> f.name("attachment.instance-id").values(instanceId))).volumes();
      assertThat(volumes).singleElement().satisfies(v -> {
        assertThat(v.encrypted()).isTrue();
        assertThat(v.kmsKeyId()).isEqualTo(keyArn);
        assertThat(v.volumeTypeAsString()).isEqualTo("gp3");
        assertThat(v.size()).isEqualTo(8);
      });
      assertThat(kms.getKeyRotationStatus(b -> b.keyId(keyArn)).keyRotationEnabled()).isTrue();

      // No inbound rule at all; outbound only to Cloudflare's edge (7844 UDP and TCP) and 443.
      SecurityGroup group = ec2.describeSecurityGroups(b -> b.groupIds(securityGroupId)).securityGroups().get(0);
      assertThat(group.ipPermissions()).isEmpty();
      assertThat(group.ipPermissionsEgress())
          .extracting(IpPermission::ipProtocol, IpPermission::fromPort, IpPermission::toPort, p -> p.ipRanges().get(0).cidrIp())
          .containsExactlyInAnyOrder(
              tuple("udp", 7844, 7844, "0.0.0.0/0"),
              tuple("tcp", 7844, 7844, "0.0.0.0/0"),
              tuple("tcp", 443, 443, "0.0.0.0/0"));

      // The role: Session Manager, the one secret, and the key only through Secrets Manager.
      String roleName = connector.output("iam_role_name");
      assertThat(iam.listAttachedRolePolicies(b -> b.roleName(roleName)).attachedPolicies())
          .extracting(AttachedPolicy::policyName)
          .containsExactly("AmazonSSMManagedInstanceCore");
      assertThat(iam.listRolePolicies(b -> b.roleName(roleName)).policyNames()).containsExactly("read-tunnel-token");
      List<JsonNode> statements =
          PolicyDocuments.statements(
              iam.getRolePolicy(b -> b.roleName(roleName).policyName("read-tunnel-token")).policyDocument());
      assertThat(statements).hasSize(2);
      assertThat(statements).anySatisfy(s -> {
        assertThat(PolicyDocuments.values(s, "Action")).containsExactly("secretsmanager:GetSecretValue");
        assertThat(PolicyDocuments.values(s, "Resource")).containsExactly(secretArn);
      });
      assertThat(statements).anySatisfy(s -> {
        assertThat(PolicyDocuments.values(s, "Action")).containsExactly("kms:Decrypt");
        assertThat(PolicyDocuments.values(s, "Resource")).containsExactly(keyArn);
        JsonNode condition = s.path("Condition").path("StringEquals");
        assertThat(condition.path("kms:ViaService").asText()).isEqualTo("secretsmanager." + aws.region() + ".amazonaws.com");
        assertThat(condition.path("kms:EncryptionContext:SecretARN").asText()).isEqualTo(secretArn);
      });
      assertThat(
              iam.getInstanceProfile(
                      b -> b.instanceProfileName(instance.iamInstanceProfile().arn().replaceFirst(".*/", "")))
                  .instanceProfile()
                  .roles())
          .extracting(r -> r.roleName())
          .containsExactly(roleName);

      // The token secret exists, encrypted with the key, and holds nothing yet.
      DescribeSecretResponse secret = secrets.describeSecret(b -> b.secretId(secretArn));
      assertThat(secret.kmsKeyId()).isEqualTo(keyArn);
      assertThatThrownBy(() -> secrets.getSecretValue(b -> b.secretId(secretArn)))
          .isInstanceOf(ResourceNotFoundException.class);

      // The boot script reads that secret into a file; the token itself is nowhere in it.
      String userData =
          new String(
              Base64.getDecoder()
                  .decode(
                      ec2.describeInstanceAttribute(b -> b.instanceId(instanceId).attribute(InstanceAttributeName.USER_DATA))
                          .userData()
                          .value()),
              StandardCharsets.UTF_8);
      assertThat(userData).startsWith("#!/bin/bash").contains(secretArn).contains("--token-file /etc/cloudflared/token");

      connector.destroy();
      assertThat(ec2.describeInstances(b -> b.instanceIds(instanceId)).reservations().get(0).instances().get(0).state().name())
          .isEqualTo(InstanceStateName.TERMINATED);
      assertThat(ec2.describeSecurityGroups(b -> b.filters(f -> f.name("group-id").values(securityGroupId))).securityGroups())
          .isEmpty();
    }
  }
}
