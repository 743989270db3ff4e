package io.platform.terratest.modules;

import static org.assertj.core.api.Assertions.assertThat;

import io.platform.emulator.AwsEndpoint;
import io.platform.terratest.AwsSdk;
import io.platform.terratest.Repo;
import io.platform.terratest.Terratest;
import io.platform.terratest.WithEmulator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Subnet;

@WithEmulator
class VpcModuleIT {

  @Test
  void completeExampleAppliesConvergesAndIsDestroyed(@TempDir Path temp, AwsEndpoint aws) {
    Path example = Repo.copy(temp, "modules").resolve("modules/vpc/examples/complete");

    try (Terratest vpc = Terratest.of(example, aws).var("name", "vpc-it");
        Ec2Client ec2 = AwsSdk.client(Ec2Client.builder(), aws)) {
      vpc.applyAndIdempotent();

      String vpcId = vpc.output("vpc_id");
      List<String> privateSubnets = vpc.outputList("private_subnets");
      assertThat(ec2.describeVpcs(b -> b.vpcIds(vpcId)).vpcs()).singleElement()
          .satisfies(v -> assertThat(v.cidrBlock()).isEqualTo("10.99.0.0/16"));

      // Two zones, and nothing in a private subnet gets a public address.
      List<Subnet> subnets = ec2.describeSubnets(b -> b.subnetIds(privateSubnets)).subnets();
      assertThat(subnets).extracting(Subnet::availabilityZone).doesNotHaveDuplicates().hasSize(2);
      assertThat(subnets).allSatisfy(s -> assertThat(s.mapPublicIpOnLaunch()).isFalse());

      // Private egress goes through the NAT gateway.
      String natId = vpc.outputList("nat_gateway_ids").get(0);
      assertThat(
              ec2.describeRouteTables(b -> b.routeTableIds(vpc.outputList("private_route_table_ids")))
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

      vpc.destroy();
      assertThat(
              ec2.describeVpcs(b -> b.filters(Filter.builder().name("vpc-id").values(vpcId).build())).vpcs())
          .isEmpty();
    }
  }
}
