package io.platform.terratest.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.platform.emulator.AwsEndpoint;
import io.platform.terratest.Repo;
import io.platform.terratest.Terratest;
import io.platform.testkit.AwsSdk;
import io.platform.testkit.WithEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.LifecycleState;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateHttpTokensState;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateInstanceMetadataEndpointState;
import software.amazon.awssdk.services.ec2.model.ResponseLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The Cloudflare Tunnel connectors on the emulator: replicas of one tunnel in an Auto Scaling group
 * over private subnets of distinct zones, launched from one template nobody can reach through (no
 * public address, no key pair, no inbound rule, IMDSv2 only), with CMK-encrypted volumes, an empty
 * token secret, a role that reads that one secret and publishes readiness to one namespace, and the
 * alarm on the number of ready connectors; read back from Auto Scaling, EC2, IAM, KMS, Secrets
 * Manager, CloudWatch and SNS. And the cut-over from the single instance the module ran before, in
 * the order the runbook gives.
 */
@WithEmulator
class CloudflaredEc2ModuleIT {
  /** moto has no RHEL image; its built-in arm64 image stands in (docs/emulator-gaps.md). */
  static final String EMULATOR_ARM64_AMI = "ami-0e9271c829888680e";

  static final String NAMESPACE = "Platform/CloudflareTunnel";

  /** The connector as the module ran it before the group: one instance in the first subnet. */
  static final String LEGACY_INSTANCE = "cloudflared-ec2/legacy_instance.tf";

  static final String GROUP = "module.cloudflared.aws_autoscaling_group.this";
  static final String ALARM = "module.cloudflared.aws_cloudwatch_metric_alarm.readiness";
  static final String METRICS_POLICY = "module.cloudflared.aws_iam_role_policy.metrics";
  static final String LEGACY = "module.cloudflared.aws_instance.this";

  /** What an environment held before the group: the VPC and the module's resources of that time. */
  static final String[] BEFORE_THE_GROUP = {
    "-target=module.vpc",
    "-target=" + LEGACY,
    "-target=module.cloudflared.aws_iam_role_policy.token",
    "-target=module.cloudflared.aws_iam_role_policy_attachment.ssm",
    "-target=module.cloudflared.module.kms[0].aws_kms_alias.this",
    "-target=module.cloudflared.aws_vpc_security_group_egress_rule.this"
  };

  @Test
  void replicasRunFromOneHardenedTemplateAcrossZonesAlarmOnReadinessConvergeAndAreDestroyed(
      @TempDir Path temp, AwsEndpoint aws) {
    Path example = ModuleExamples.complete(temp, "cloudflared-ec2");

    try (Terratest connectors =
            Terratest.of(example, aws).var("name", "cfd-it").var("ami_id", EMULATOR_ARM64_AMI);
        AutoScalingClient autoscaling = AwsSdk.client(AutoScalingClient.builder(), aws);
        Ec2Client ec2 = AwsSdk.client(Ec2Client.builder(), aws);
        IamClient iam = AwsSdk.client(IamClient.builder(), aws);
        KmsClient kms = AwsSdk.client(KmsClient.builder(), aws);
        SecretsManagerClient secrets = AwsSdk.client(SecretsManagerClient.builder(), aws);
        CloudWatchClient cloudwatch = AwsSdk.client(CloudWatchClient.builder(), aws);
        SnsClient sns = AwsSdk.client(SnsClient.builder(), aws)) {
      connectors.applyAndIdempotent();

      String groupName = connectors.output("autoscaling_group_name");
      String securityGroupId = connectors.output("security_group_id");
      String keyArn = connectors.output("token_secret_kms_key_arn");
      String secretArn = connectors.output("token_secret_arn");
      List<String> subnetIds = connectors.outputList("private_subnet_ids");

      // Two replicas, always two, over the two private subnets, which lie in distinct zones.
      AutoScalingGroup group = group(autoscaling, groupName);
      assertThat(group.minSize()).isEqualTo(2);
      assertThat(group.desiredCapacity()).isEqualTo(2);
      assertThat(group.maxSize())
          .as("room to launch every replacement before an old connector stops")
          .isEqualTo(4);
      assertThat(List.of(group.vpcZoneIdentifier().split(",")))
          .containsExactlyInAnyOrderElementsOf(subnetIds);
      assertThat(ec2.describeSubnets(b -> b.subnetIds(subnetIds)).subnets())
          .extracting(Subnet::availabilityZone)
          .doesNotHaveDuplicates()
          .hasSize(2);
      assertThat(group.instances())
          .hasSize(2)
          .allSatisfy(i -> assertThat(i.lifecycleState()).isEqualTo(LifecycleState.IN_SERVICE));
      assertThat(group.launchTemplate().launchTemplateId())
          .isEqualTo(connectors.output("launch_template_id"));

      // What every connector is launched with (moto does not apply a template's settings to the
      // instances it launches: docs/emulator-gaps.md).
      ResponseLaunchTemplateData template =
          ec2.describeLaunchTemplateVersions(
                  b ->
                      b.launchTemplateId(group.launchTemplate().launchTemplateId())
                          .versions(group.launchTemplate().version()))
              .launchTemplateVersions()
              .get(0)
              .launchTemplateData();
      assertThat(template.instanceTypeAsString()).isEqualTo("t4g.micro");
      assertThat(template.imageId()).isEqualTo(EMULATOR_ARM64_AMI);
      assertThat(template.keyName()).isNull();
      assertThat(template.networkInterfaces())
          .singleElement()
          .satisfies(
              eni -> {
                assertThat(eni.associatePublicIpAddress()).isFalse();
                assertThat(eni.groups()).containsExactly(securityGroupId);
              });
      assertThat(template.metadataOptions().httpTokens())
          .isEqualTo(LaunchTemplateHttpTokensState.REQUIRED);
      assertThat(template.metadataOptions().httpEndpoint())
          .isEqualTo(LaunchTemplateInstanceMetadataEndpointState.ENABLED);
      assertThat(template.metadataOptions().httpPutResponseHopLimit()).isEqualTo(1);

      // The root volume: the image's root device, gp3, as large as its snapshot, encrypted with the
      // module's key.
      Image image = ec2.describeImages(b -> b.imageIds(EMULATOR_ARM64_AMI)).images().get(0);
      assertThat(template.blockDeviceMappings())
          .singleElement()
          .satisfies(
              root -> {
                assertThat(root.deviceName()).isEqualTo(image.rootDeviceName());
                assertThat(root.ebs().encrypted()).isTrue();
                assertThat(root.ebs().kmsKeyId()).isEqualTo(keyArn);
                assertThat(root.ebs().volumeTypeAsString()).isEqualTo("gp3");
                assertThat(root.ebs().volumeSize()).isEqualTo(rootSnapshotSize(image));
              });
      assertThat(kms.getKeyRotationStatus(b -> b.keyId(keyArn)).keyRotationEnabled()).isTrue();

      // No inbound rule at all; outbound only to Cloudflare's edge (7844 UDP and TCP) and 443.
      SecurityGroup securityGroup =
          ec2.describeSecurityGroups(b -> b.groupIds(securityGroupId)).securityGroups().get(0);
      assertThat(securityGroup.ipPermissions()).isEmpty();
      assertThat(securityGroup.ipPermissionsEgress())
          .extracting(
              IpPermission::ipProtocol,
              IpPermission::fromPort,
              IpPermission::toPort,
              p -> p.ipRanges().get(0).cidrIp())
          .containsExactlyInAnyOrder(
              tuple("udp", 7844, 7844, "0.0.0.0/0"),
              tuple("tcp", 7844, 7844, "0.0.0.0/0"),
              tuple("tcp", 443, 443, "0.0.0.0/0"));

      // The role: Session Manager, the one secret, the key only through Secrets Manager, and
      // metrics only in the module's namespace.
      String roleName = connectors.output("iam_role_name");
      assertThat(iam.listAttachedRolePolicies(b -> b.roleName(roleName)).attachedPolicies())
          .extracting(AttachedPolicy::policyName)
          .containsExactly("AmazonSSMManagedInstanceCore");
      assertThat(iam.listRolePolicies(b -> b.roleName(roleName)).policyNames())
          .containsExactlyInAnyOrder("read-tunnel-token", "publish-readiness");
      List<JsonNode> token = rolePolicy(iam, roleName, "read-tunnel-token");
      assertThat(token).hasSize(2);
      assertThat(token)
          .anySatisfy(
              s -> {
                assertThat(PolicyDocuments.values(s, "Action"))
                    .containsExactly("secretsmanager:GetSecretValue");
                assertThat(PolicyDocuments.values(s, "Resource")).containsExactly(secretArn);
              });
      assertThat(token)
          .anySatisfy(
              s -> {
                assertThat(PolicyDocuments.values(s, "Action")).containsExactly("kms:Decrypt");
                assertThat(PolicyDocuments.values(s, "Resource")).containsExactly(keyArn);
                JsonNode condition = s.path("Condition").path("StringEquals");
                assertThat(condition.path("kms:ViaService").asText())
                    .isEqualTo("secretsmanager." + aws.region() + ".amazonaws.com");
                assertThat(condition.path("kms:EncryptionContext:SecretARN").asText())
                    .isEqualTo(secretArn);
              });
      assertThat(rolePolicy(iam, roleName, "publish-readiness"))
          .singleElement()
          .satisfies(
              s -> {
                assertThat(PolicyDocuments.values(s, "Action"))
                    .containsExactly("cloudwatch:PutMetricData");
                assertThat(
                        s.path("Condition")
                            .path("StringEquals")
                            .path("cloudwatch:namespace")
                            .asText())
                    .isEqualTo(NAMESPACE);
              });
      String profileName = template.iamInstanceProfile().arn().replaceFirst(".*/", "");
      assertThat(
              iam.getInstanceProfile(b -> b.instanceProfileName(profileName))
                  .instanceProfile()
                  .roles())
          .extracting(r -> r.roleName())
          .containsExactly(roleName);

      // The token secret exists, encrypted with the key, and holds nothing yet.
      DescribeSecretResponse secret = secrets.describeSecret(b -> b.secretId(secretArn));
      assertThat(secret.kmsKeyId()).isEqualTo(keyArn);
      assertThatThrownBy(() -> secrets.getSecretValue(b -> b.secretId(secretArn)))
          .isInstanceOf(ResourceNotFoundException.class);

      // The boot script reads that secret into a file, serves cloudflared's metrics on loopback
      // only and installs the readiness timer; the token itself is nowhere in it.
      String userData =
          new String(Base64.getDecoder().decode(template.userData()), StandardCharsets.UTF_8);
      assertThat(userData)
          .startsWith("#!/bin/bash")
          .contains(secretArn)
          .contains("tunnel --metrics 127.0.0.1:20241 run --token-file /etc/cloudflared/token")
          .contains("systemctl enable --now cloudflared-readiness.timer")
          .contains(
              "readonly namespace=\"" + NAMESPACE + "\"",
              "readonly group_name=\"" + groupName + "\"");

      // Fewer ready connectors than replicas for five minutes, or no data at all, is an alarm,
      // to the module's topic (encrypted with its key), and so is its clearing.
      MetricAlarm alarm =
          cloudwatch
              .describeAlarms(b -> b.alarmNames(connectors.output("readiness_alarm_name")))
              .metricAlarms()
              .get(0);
      String topicArn = connectors.output("alarm_topic_arn");
      assertThat(alarm.namespace()).isEqualTo(NAMESPACE);
      assertThat(alarm.metricName()).isEqualTo("ReadyConnectors");
      assertThat(alarm.dimensions())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.name()).isEqualTo("AutoScalingGroupName");
                assertThat(d.value()).isEqualTo(groupName);
              });
      assertThat(alarm.statistic()).isEqualTo(Statistic.SUM);
      assertThat(alarm.period()).isEqualTo(60);
      assertThat(alarm.evaluationPeriods()).isEqualTo(5);
      assertThat(alarm.datapointsToAlarm()).isEqualTo(5);
      assertThat(alarm.comparisonOperator()).isEqualTo(ComparisonOperator.LESS_THAN_THRESHOLD);
      assertThat(alarm.threshold()).isEqualTo(2.0);
      assertThat(alarm.treatMissingData()).isEqualTo("breaching");
      assertThat(alarm.alarmActions()).containsExactly(topicArn);
      assertThat(alarm.okActions()).containsExactly(topicArn);
      assertThat(sns.getTopicAttributes(b -> b.topicArn(topicArn)).attributes())
          .containsEntry("KmsMasterKeyId", keyArn);

      List<String> instanceIds = group.instances().stream().map(i -> i.instanceId()).toList();
      connectors.destroy();
      assertThat(
              autoscaling
                  .describeAutoScalingGroups(b -> b.autoScalingGroupNames(groupName))
                  .autoScalingGroups())
          .isEmpty();
      assertThat(ec2.describeInstances(b -> b.instanceIds(instanceIds)).reservations())
          .flatExtracting(r -> r.instances())
          .allSatisfy(i -> assertThat(i.state().name()).isEqualTo(InstanceStateName.TERMINATED));
      assertThat(
              ec2.describeSecurityGroups(
                      b ->
                          b.filters(
                              Filter.builder().name("group-id").values(securityGroupId).build()))
                  .securityGroups())
          .isEmpty();
    }
  }

  @Test
  void cutOverFromTheSingleInstanceStartsTheReplicasBeforeTheInstanceStops(
      @TempDir Path temp, AwsEndpoint aws) throws IOException {
    Path example = ModuleExamples.complete(temp, "cloudflared-ec2");
    Path legacy = example.resolve("../..").normalize().resolve("legacy_instance.tf");
    Files.copy(
        Repo.root().resolve("tools/terratest/src/test/resources").resolve(LEGACY_INSTANCE), legacy);

    try (Terratest connectors =
            Terratest.of(example, aws)
                .var("name", "cfd-cutover")
                .var("ami_id", EMULATOR_ARM64_AMI);
        AutoScalingClient autoscaling = AwsSdk.client(AutoScalingClient.builder(), aws);
        Ec2Client ec2 = AwsSdk.client(Ec2Client.builder(), aws)) {
      // An environment as it was: the one instance and everything else of that time, no group yet.
      connectors.init().apply(BEFORE_THE_GROUP);
      String instanceId =
          ec2.describeInstances(
                  b -> b.filters(Filter.builder().name("tag:Name").values("cfd-cutover").build()))
              .reservations()
              .get(0)
              .instances()
              .get(0)
              .instanceId();
      Files.delete(legacy);

      // Step 1 of the runbook: what the replicas need (the group, its alarm, the permission to
      // publish readiness). Nothing is destroyed.
      String[] stepOne = {"-target=" + GROUP, "-target=" + ALARM, "-target=" + METRICS_POLICY};
      List<JsonNode> first = changes(connectors.planJson(stepOne));
      assertThat(first)
          .extracting(c -> c.path("address").asText())
          .contains(GROUP, ALARM, METRICS_POLICY);
      assertThat(first).allSatisfy(c -> assertThat(actions(c)).doesNotContain("delete"));
      connectors.apply(stepOne);
      assertThat(group(autoscaling, "cfd-cutover").instances())
          .hasSize(2)
          .allSatisfy(i -> assertThat(i.lifecycleState()).isEqualTo(LifecycleState.IN_SERVICE));
      assertThat(state(ec2, instanceId)).isEqualTo(InstanceStateName.RUNNING);

      // Step 2: with the replicas in service, the only change left is the old instance going.
      List<JsonNode> second = changes(connectors.planJson());
      assertThat(second)
          .extracting(c -> c.path("address").asText(), CloudflaredEc2ModuleIT::actions)
          .containsExactly(tuple(LEGACY, List.of("delete")));
      connectors.apply();
      assertThat(state(ec2, instanceId)).isEqualTo(InstanceStateName.TERMINATED);
      assertThat(group(autoscaling, "cfd-cutover").instances()).hasSize(2);
      assertThat(connectors.plan().totalChanges()).isZero();
    }
  }

  private static AutoScalingGroup group(AutoScalingClient autoscaling, String name) {
    return autoscaling
        .describeAutoScalingGroups(b -> b.autoScalingGroupNames(name))
        .autoScalingGroups()
        .get(0);
  }

  private static InstanceStateName state(Ec2Client ec2, String instanceId) {
    return ec2.describeInstances(b -> b.instanceIds(instanceId))
        .reservations()
        .get(0)
        .instances()
        .get(0)
        .state()
        .name();
  }

  private static List<JsonNode> rolePolicy(IamClient iam, String role, String policy) {
    return PolicyDocuments.statements(
        iam.getRolePolicy(b -> b.roleName(role).policyName(policy)).policyDocument());
  }

  private static int rootSnapshotSize(Image image) {
    return image.blockDeviceMappings().stream()
        .filter(m -> m.deviceName().equals(image.rootDeviceName()))
        .map(m -> m.ebs().volumeSize())
        .findFirst()
        .orElseThrow();
  }

  /** The resource changes of a plan that do something (no-ops and reads left out). */
  private static List<JsonNode> changes(JsonNode plan) {
    List<JsonNode> changes = new ArrayList<>();
    for (JsonNode change : plan.path("resource_changes")) {
      List<String> actions = actions(change);
      if (!actions.equals(List.of("no-op")) && !actions.equals(List.of("read"))) {
        changes.add(change);
      }
    }
    return changes;
  }

  private static List<String> actions(JsonNode change) {
    return Json.texts(change.path("change").path("actions"));
  }
}
