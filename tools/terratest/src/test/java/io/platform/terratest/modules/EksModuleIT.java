package io.platform.terratest.modules;

import static org.assertj.core.api.Assertions.assertThat;

import io.platform.emulator.AwsEndpoint;
import io.platform.terratest.Terratest;
import io.platform.testkit.AwsSdk;
import io.platform.testkit.WithEmulator;
import io.platform.verify.ChangeAction;
import io.platform.verify.PlanSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateHttpTokensState;
import software.amazon.awssdk.services.ec2.model.ResponseLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.LogSetup;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The EKS cluster on the emulator: an API reachable only privately, and only from the nodes and the
 * tunnel's security group; secrets encrypted with the module's key; every control-plane log on;
 * nodes in the private subnets with IMDSv2 and encrypted volumes; the AWS managed policies EKS
 * documents, and nothing more.
 */
@WithEmulator
class EksModuleIT {

  @Test
  void clusterIsPrivateEncryptedAndLoggedConvergesAndIsDestroyed(
      @TempDir Path temp, AwsEndpoint aws) {
    Path example = ModuleExamples.complete(temp, "eks");

    try (Terratest eks =
            Terratest.of(example, aws)
                .var("name", "eks-it")
                // moto serves no EKS add-ons (docs/emulator-gaps.md).
                .var("addons", Map.of());
        EksClient client = AwsSdk.client(EksClient.builder(), aws);
        Ec2Client ec2 = AwsSdk.client(Ec2Client.builder(), aws);
        IamClient iam = AwsSdk.client(IamClient.builder(), aws);
        KmsClient kms = AwsSdk.client(KmsClient.builder(), aws)) {
      eks.applyAndIdempotent();

      String clusterName = eks.output("cluster_name");
      String clusterGroup = eks.output("cluster_security_group_id");
      String nodeGroup = eks.output("node_security_group_id");
      String tunnelGroup = eks.output("tunnel_security_group_id");
      String keyArn = eks.output("kms_key_arn");
      List<String> privateSubnets = eks.outputList("private_subnets");

      Cluster cluster = client.describeCluster(b -> b.name(clusterName)).cluster();
      assertThat(cluster.arn()).isEqualTo(eks.output("cluster_arn"));

      // The API has no public endpoint.
      assertThat(cluster.resourcesVpcConfig().endpointPublicAccess()).isFalse();
      assertThat(cluster.resourcesVpcConfig().endpointPrivateAccess()).isTrue();
      assertThat(cluster.resourcesVpcConfig().subnetIds())
          .containsExactlyInAnyOrderElementsOf(privateSubnets);
      assertThat(cluster.resourcesVpcConfig().securityGroupIds()).containsExactly(clusterGroup);

      // Kubernetes secrets are envelope-encrypted with the module's key, which rotates.
      assertThat(cluster.encryptionConfig())
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.resources()).containsExactly("secrets");
                assertThat(c.provider().keyArn()).isEqualTo(keyArn);
              });
      assertThat(kms.getKeyRotationStatus(b -> b.keyId(keyArn)).keyRotationEnabled()).isTrue();

      // Every control-plane log type is on.
      assertThat(cluster.logging().clusterLogging())
          .filteredOn(LogSetup::enabled)
          .flatExtracting(LogSetup::typesAsStrings)
          .containsExactlyInAnyOrder(
              "api", "audit", "authenticator", "controllerManager", "scheduler");

      // The API admits the tunnel's group and the nodes on 443, and no address range at all.
      List<IpPermission> apiIngress =
          ec2.describeSecurityGroups(b -> b.groupIds(clusterGroup))
              .securityGroups()
              .get(0)
              .ipPermissions();
      assertThat(apiIngress)
          .allSatisfy(
              p -> {
                assertThat(p.ipRanges()).isEmpty();
                assertThat(p.ipProtocol()).isEqualTo("tcp");
                assertThat(p.fromPort()).isEqualTo(443);
                assertThat(p.toPort()).isEqualTo(443);
              });
      assertThat(apiIngress)
          .flatExtracting(IpPermission::userIdGroupPairs)
          .extracting(UserIdGroupPair::groupId)
          .containsExactlyInAnyOrder(tunnelGroup, nodeGroup);

      // Nodes: private subnets, no key pair, IMDSv2 with one hop, root volume encrypted with the
      // key. moto launches no node instances, so the launch template is what is read back.
      Nodegroup nodes =
          client
              .describeNodegroup(
                  b -> b.clusterName(clusterName).nodegroupName(clusterName + "-default"))
              .nodegroup();
      assertThat(nodes.subnets()).containsExactlyInAnyOrderElementsOf(privateSubnets);
      assertThat(nodes.nodeRole()).isEqualTo(eks.output("node_iam_role_arn"));
      ResponseLaunchTemplateData template =
          ec2.describeLaunchTemplateVersions(
                  b -> b.launchTemplateId(nodes.launchTemplate().id()).versions("$Latest"))
              .launchTemplateVersions()
              .get(0)
              .launchTemplateData();
      assertThat(template.metadataOptions().httpTokens())
          .isEqualTo(LaunchTemplateHttpTokensState.REQUIRED);
      assertThat(template.metadataOptions().httpPutResponseHopLimit()).isEqualTo(1);
      assertThat(template.securityGroupIds()).containsExactly(nodeGroup);
      assertThat(template.keyName()).isNull();
      assertThat(template.blockDeviceMappings())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.ebs().encrypted()).isTrue();
                assertThat(d.ebs().kmsKeyId()).isEqualTo(keyArn);
              });

      // Least privilege: the AWS managed policies EKS documents, nothing inline.
      String clusterRole = eks.output("cluster_iam_role_arn").replaceFirst(".*/", "");
      String nodeRole = eks.output("node_iam_role_arn").replaceFirst(".*/", "");
      assertThat(iam.listAttachedRolePolicies(b -> b.roleName(clusterRole)).attachedPolicies())
          .extracting(AttachedPolicy::policyName)
          .containsExactly("AmazonEKSClusterPolicy");
      assertThat(iam.listAttachedRolePolicies(b -> b.roleName(nodeRole)).attachedPolicies())
          .extracting(AttachedPolicy::policyName)
          .containsExactlyInAnyOrder(
              "AmazonEKSWorkerNodePolicy",
              "AmazonEKS_CNI_Policy",
              "AmazonEC2ContainerRegistryReadOnly");
      assertThat(iam.listRolePolicies(b -> b.roleName(clusterRole)).policyNames()).isEmpty();
      assertThat(iam.listRolePolicies(b -> b.roleName(nodeRole)).policyNames()).isEmpty();

      // The module's default add-on, which moto cannot create, is planned.
      PlanSummary withDefaultAddons = eks.var("addons", null).plan();
      assertThat(withDefaultAddons.changes())
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.address())
                    .isEqualTo("module.eks.aws_eks_addon.this[\"eks-pod-identity-agent\"]");
                assertThat(c.actions()).containsExactly(ChangeAction.CREATE);
              });

      eks.var("addons", Map.of()).destroy();
      assertThat(client.listClusters().clusters()).doesNotContain(clusterName);
    }
  }
}
