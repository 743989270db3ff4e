package io.platform.terratest.modules;

import static org.assertj.core.api.Assertions.assertThat;

import io.platform.emulator.AwsEndpoint;
import io.platform.terratest.Terratest;
import io.platform.testkit.AwsSdk;
import io.platform.testkit.WithEmulator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

@WithEmulator
class VpcModuleIT {

  @Test
  void completeExampleAppliesConvergesAndIsDestroyed(@TempDir Path temp, AwsEndpoint aws) {
    Path example = ModuleExamples.complete(temp, "vpc");

    try (Terratest vpc = Terratest.of(example, aws).var("name", "vpc-it");
        Ec2Client ec2 = AwsSdk.client(Ec2Client.builder(), aws)) {
      vpc.applyAndIdempotent();

      String vpcId = vpc.output("vpc_id");
      List<String> privateSubnets = vpc.outputList("private_subnets");
      assertThat(ec2.describeVpcs(b -> b.vpcIds(vpcId)).vpcs())
          .singleElement()
          .satisfies(v -> assertThat(v.cidrBlock()).isEqualTo("10.99.0.0/16"));

      // Two zones, and nothing in a private subnet gets a public address.
      List<Subnet> subnets = ec2.describeSubnets(b -> b.subnetIds(privateSubnets)).subnets();
      assertThat(subnets).extracting(Subnet::availabilityZone).doesNotHaveDuplicates().hasSize(2);
      assertThat(subnets).allSatisfy(s -> assertThat(s.mapPublicIpOnLaunch()).isFalse());

      // Private egress goes through the NAT gateway.
      String natId = vpc.outputList("nat_gateway_ids").get(0);
      assertThat(
              ec2.describeRouteTables(
                      b -> b.routeTableIds(vpc.outputList("private_route_table_ids")))
                  .routeTables()
                  .get(0)
                  .routes())
          .anySatisfy(
              r -> {
                assertThat(r.destinationCidrBlock()).isEqualTo("0.0.0.0/0");
                assertThat(r.natGatewayId()).isEqualTo(natId);
              });

      // The default security group is closed.
      assertThat(
              ec2.describeSecurityGroups(b -> b.groupIds(vpc.output("default_security_group_id")))
                  .securityGroups()
                  .get(0)
                  .ipPermissions())
          .isEmpty();

      assertThat(ec2.describeFlowLogs(b -> b.flowLogIds(vpc.output("flow_log_id"))).flowLogs())
          .singleElement()
          .satisfies(f -> assertThat(f.resourceId()).isEqualTo(vpcId));

      // Interface endpoints in every private subnet, private DNS on, behind one group that
      // admits HTTPS from the VPC and nothing else.
      String endpointGroup = vpc.output("vpc_endpoint_security_group_id");
      Map<String, String> endpoints = new TreeMap<>();
      vpc.outputs()
          .path("vpc_endpoints")
          .path("value")
          .properties()
          .forEach(e -> endpoints.put(e.getKey(), e.getValue().asText()));
      assertThat(endpoints)
          .containsOnlyKeys("ssm", "ssmmessages", "ec2messages", "secretsmanager", "kms", "sts");
      assertThat(ec2.describeVpcEndpoints(b -> b.vpcEndpointIds(endpoints.values())).vpcEndpoints())
          .hasSize(endpoints.size())
          .allSatisfy(
              e -> {
                assertThat(e.vpcId()).isEqualTo(vpcId);
                assertThat(e.vpcEndpointType()).isEqualTo(VpcEndpointType.INTERFACE);
                assertThat(e.privateDnsEnabled()).isTrue();
                assertThat(e.subnetIds()).containsExactlyInAnyOrderElementsOf(privateSubnets);
                assertThat(e.groups()).extracting(g -> g.groupId()).containsExactly(endpointGroup);
              })
          .extracting(e -> e.serviceName())
          .containsExactlyInAnyOrderElementsOf(
              endpoints.keySet().stream()
                  .map(s -> "com.amazonaws." + aws.region() + "." + s)
                  .toList());
      SecurityGroup endpointRules =
          ec2.describeSecurityGroups(b -> b.groupIds(endpointGroup)).securityGroups().get(0);
      assertThat(endpointRules.ipPermissions())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.ipProtocol()).isEqualTo("tcp");
                assertThat(p.fromPort()).isEqualTo(443);
                assertThat(p.toPort()).isEqualTo(443);
                assertThat(p.ipRanges())
                    .extracting(r -> r.cidrIp())
                    .containsExactly("10.99.0.0/16");
                assertThat(p.userIdGroupPairs()).isEmpty();
              });
      assertThat(endpointRules.ipPermissionsEgress()).isEmpty();

      vpc.destroy();
      assertThat(
              ec2.describeVpcs(
                      b -> b.filters(Filter.builder().name("vpc-id").values(vpcId).build()))
                  .vpcs())
          .isEmpty();
    }
  }
}
