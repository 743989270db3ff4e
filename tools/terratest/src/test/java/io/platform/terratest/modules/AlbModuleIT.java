package io.platform.terratest.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.platform.emulator.AwsEndpoint;
import io.platform.terratest.Terratest;
import io.platform.testkit.AwsSdk;
import io.platform.testkit.WithEmulator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

/**
 * The internal ALB on the emulator, first without a certificate (HTTP serves), then with one (HTTPS
 * serves with a TLS 1.2+ policy, HTTP redirects): internal scheme, invalid headers dropped, in only
 * from the tunnel's security group, out only to the VPC, ip target groups for the pods with their
 * health checks, the pods' group admitting the ALB on the target ports only, and a clean plan after
 * each apply.
 */
@WithEmulator
class AlbModuleIT {

  @Test
  void internalAlbServesHttpThenHttpsFromTheTunnelOnlyConvergesAndIsDestroyed(
      @TempDir Path temp, AwsEndpoint aws) {
    Path example = ModuleExamples.complete(temp, "alb");

    try (Terratest alb = Terratest.of(example, aws).var("name", "alb-it");
        ElasticLoadBalancingV2Client elb =
            AwsSdk.client(ElasticLoadBalancingV2Client.builder(), aws);
        Ec2Client ec2 = AwsSdk.client(Ec2Client.builder(), aws)) {
      alb.applyAndIdempotent();

      String arn = alb.output("arn");
      String tunnelGroup = alb.output("tunnel_security_group_id");
      String vpcCidr = alb.output("vpc_cidr_block");
      Map<String, String> targetGroups = map(alb.outputs().path("target_group_arns").path("value"));

      LoadBalancer lb =
          elb.describeLoadBalancers(b -> b.loadBalancerArns(arn)).loadBalancers().get(0);
      assertThat(lb.scheme()).isEqualTo(LoadBalancerSchemeEnum.INTERNAL);
      assertThat(lb.typeAsString()).isEqualTo("application");
      assertThat(lb.dnsName()).isEqualTo(alb.output("dns_name"));
      assertThat(lb.securityGroups()).containsExactly(alb.output("security_group_id"));
      Map<String, String> attributes =
          elb.describeLoadBalancerAttributes(b -> b.loadBalancerArn(arn)).attributes().stream()
              .collect(Collectors.toMap(LoadBalancerAttribute::key, LoadBalancerAttribute::value));
      assertThat(attributes)
          .containsEntry("routing.http.drop_invalid_header_fields.enabled", "true")
          .containsEntry("routing.http.desync_mitigation_mode", "defensive")
          .containsEntry("deletion_protection.enabled", "false");

      // Pod IPs behind health checks.
      List<TargetGroup> groups =
          elb.describeTargetGroups(b -> b.targetGroupArns(targetGroups.values())).targetGroups();
      assertThat(groups)
          .extracting(
              TargetGroup::targetGroupName,
              TargetGroup::targetType,
              TargetGroup::port,
              TargetGroup::healthCheckPath)
          .containsExactlyInAnyOrder(
              tuple("alb-it-web", TargetTypeEnum.IP, 8080, "/healthz"),
              tuple("alb-it-api", TargetTypeEnum.IP, 9090, "/api/health"));

      // Without a certificate: HTTP on 80 serves, forwarding unmatched requests to "web".
      assertThat(listeners(elb, arn))
          .singleElement()
          .satisfies(
              l -> {
                assertThat(l.port()).isEqualTo(80);
                assertThat(l.protocol()).isEqualTo(ProtocolEnum.HTTP);
                assertThat(l.defaultActions())
                    .singleElement()
                    .satisfies(
                        a -> {
                          assertThat(a.type()).isEqualTo(ActionTypeEnum.FORWARD);
                          assertThat(a.targetGroupArn()).isEqualTo(targetGroups.get("web"));
                        });
                assertThat(forwardedTo(elb, l))
                    .containsExactlyInAnyOrder(targetGroups.get("web"), targetGroups.get("api"));
              });
      assertSecurityGroup(ec2, alb.output("security_group_id"), tunnelGroup, vpcCidr, List.of(80));

      // The pods' group admits the load balancer, on the target ports and from nothing else.
      SecurityGroup nodes =
          ec2.describeSecurityGroups(b -> b.groupIds(alb.output("nodes_security_group_id")))
              .securityGroups()
              .get(0);
      assertThat(nodes.ipPermissions())
          .extracting(
              IpPermission::fromPort,
              IpPermission::toPort,
              p -> p.userIdGroupPairs().get(0).groupId())
          .containsExactlyInAnyOrder(
              tuple(8080, 8080, alb.output("security_group_id")),
              tuple(9090, 9090, alb.output("security_group_id")));
      assertThat(nodes.ipPermissions()).allSatisfy(p -> assertThat(p.ipRanges()).isEmpty());

      // With a certificate: HTTPS on 443 with a TLS 1.2+ policy serves; HTTP only redirects.
      SelfSignedCertificate certificate = SelfSignedCertificate.forHost("app.example.com", temp);
      alb.var("certificate_body", certificate.certificatePem())
          .var("certificate_private_key", certificate.privateKeyPem())
          .applyAndIdempotent();
      assertThat(map(alb.outputs().path("listener_arns").path("value")))
          .containsOnlyKeys("http", "https");

      List<Listener> listeners = listeners(elb, arn);
      assertThat(listeners).extracting(Listener::port).containsExactlyInAnyOrder(80, 443);
      assertThat(listeners)
          .filteredOn(l -> l.port() == 443)
          .singleElement()
          .satisfies(
              l -> {
                assertThat(l.protocol()).isEqualTo(ProtocolEnum.HTTPS);
                assertThat(l.sslPolicy()).isEqualTo("ELBSecurityPolicy-TLS13-1-2-2021-06");
                assertThat(l.certificates())
                    .singleElement()
                    .satisfies(c -> assertThat(c.certificateArn()).startsWith("arn:aws:acm:"));
                assertThat(forwardedTo(elb, l))
                    .containsExactlyInAnyOrder(targetGroups.get("web"), targetGroups.get("api"));
              });
      assertThat(listeners)
          .filteredOn(l -> l.port() == 80)
          .singleElement()
          .satisfies(
              l -> {
                assertThat(l.defaultActions())
                    .singleElement()
                    .satisfies(
                        a -> {
                          assertThat(a.type()).isEqualTo(ActionTypeEnum.REDIRECT);
                          assertThat(a.redirectConfig().protocol()).isEqualTo("HTTPS");
                          assertThat(a.redirectConfig().port()).isEqualTo("443");
                          assertThat(a.redirectConfig().statusCodeAsString()).isEqualTo("HTTP_301");
                        });
                assertThat(forwardedTo(elb, l)).isEmpty();
              });
      assertSecurityGroup(
          ec2, alb.output("security_group_id"), tunnelGroup, vpcCidr, List.of(80, 443));

      alb.destroy();
      assertThat(elb.describeLoadBalancers().loadBalancers())
          .extracting(LoadBalancer::loadBalancerArn)
          .doesNotContain(arn);
    }
  }

  /** In: the listener ports from the tunnel's group only. Out: the target ports to the VPC only. */
  private static void assertSecurityGroup(
      Ec2Client ec2,
      String groupId,
      String tunnelGroup,
      String vpcCidr,
      List<Integer> listenerPorts) {
    SecurityGroup group =
        ec2.describeSecurityGroups(b -> b.groupIds(groupId)).securityGroups().get(0);
    assertThat(group.ipPermissions())
        .allSatisfy(
            p -> {
              assertThat(p.ipRanges()).isEmpty();
              assertThat(p.userIdGroupPairs())
                  .extracting(UserIdGroupPair::groupId)
                  .containsExactly(tunnelGroup);
            });
    assertThat(group.ipPermissions())
        .extracting(IpPermission::fromPort)
        .containsExactlyInAnyOrderElementsOf(listenerPorts);
    assertThat(group.ipPermissionsEgress())
        .extracting(
            IpPermission::ipProtocol, IpPermission::fromPort, p -> p.ipRanges().get(0).cidrIp())
        .containsExactlyInAnyOrder(tuple("tcp", 8080, vpcCidr), tuple("tcp", 9090, vpcCidr));
  }

  private static List<Listener> listeners(ElasticLoadBalancingV2Client elb, String arn) {
    return elb.describeListeners(b -> b.loadBalancerArn(arn)).listeners();
  }

  /** The target groups a listener's rules (not its default action) forward to. */
  private static List<String> forwardedTo(ElasticLoadBalancingV2Client elb, Listener listener) {
    return elb.describeRules(b -> b.listenerArn(listener.listenerArn())).rules().stream()
        .filter(r -> !r.isDefault())
        .flatMap(r -> r.actions().stream())
        .filter(a -> a.type() == ActionTypeEnum.FORWARD)
        .map(Action::targetGroupArn)
        .toList();
  }

  private static Map<String, String> map(JsonNode object) {
    Map<String, String> values = new TreeMap<>();
    object.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
    return values;
  }
}
