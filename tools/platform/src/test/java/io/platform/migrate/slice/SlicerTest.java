package io.platform.migrate.slice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platform.migrate.address.AddressParser;
import io.platform.migrate.address.ModuleInstance;
import io.platform.migrate.config.Mapping;
import io.platform.migrate.state.StateJson;
import io.platform.migrate.state.StateResource;
import io.platform.migrate.state.TerraformState;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlicerTest {
  static final String AWS = "provider[\"registry.terraform.io/hashicorp/aws\"]";
  static final String PREFIX = "module.client_stage.module.*";

  private final ArrayNode resources = StateJson.mapper().createArrayNode();

  private ObjectNode resource(
      String module, String mode, String type, String name, String provider) {
    ObjectNode r = resources.addObject();
    if (!module.isEmpty()) {
      r.put("module", module);
    }
    r.put("mode", mode).put("type", type).put("name", name).put("provider", provider);
    r.putArray("instances");
    return r;
  }

  private static ObjectNode instance(ObjectNode resource, Object key, String... dependencies) {
    ObjectNode i = ((ArrayNode) resource.get("instances")).addObject();
    if (key instanceof Integer n) {
      i.put("index_key", n);
    } else if (key instanceof String s) {
      i.put("index_key", s);
    }
    i.put("schema_version", 1);
    i.putObject("attributes").put("id", "id-" + key).put("password", "s3cr3t");
    i.putArray("sensitive_attributes")
        .addArray()
        .addObject()
        .put("type", "get_attr")
        .put("value", "password");
    i.put("private", "eyJzY2hlbWFfdmVyc2lvbiI6IjEifQ==");
    ArrayNode deps = i.putArray("dependencies");
    for (String d : dependencies) {
      deps.add(d);
    }
    return i;
  }

  private TerraformState state() {
    ObjectNode root = StateJson.mapper().createObjectNode();
    root.put("version", 4)
        .put("terraform_version", "1.11.4")
        .put("serial", 42)
        .put("lineage", "mono");
    root.putObject("outputs");
    root.set("resources", resources);
    root.putArray("check_results").addObject().put("object_kind", "resource");
    return TerraformState.parse(StateJson.write(root), "monolith");
  }

  private static Slicer slicer(Mapping mapping, Set<String> units) {
    return new Slicer(mapping, units::contains, "live/local", Map.of());
  }

  private static Mapping conventional() {
    return Mapping.conventional(AddressParser.pattern(PREFIX));
  }

  @Test
  void rewritesModulesDependenciesAndProvidersAndKeepsInstancesWhole() {
    ObjectNode subnet =
        resource(
            "module.client_stage.module.network.module.vpc",
            "managed",
            "aws_subnet",
            "private",
            AWS);
    instance(subnet, 0, "module.client_stage.module.network.module.vpc.aws_vpc.this");
    instance(subnet, 1, "module.client_stage.module.network.module.vpc.aws_vpc.this")
        .put("status", "tainted");
    ObjectNode vpc =
        resource(
            "module.client_stage.module.network.module.vpc", "managed", "aws_vpc", "this", AWS);
    instance(vpc, null);
    instance(vpc, null).put("deposed", "00a1b2c3");
    ObjectNode endpoint =
        resource(
            "module.client_stage.module.network.module.vpc.module.endpoints",
            "managed",
            "aws_vpc_endpoint",
            "this",
            "module.client_stage.module.network.module.vpc.module.endpoints." + AWS);
    instance(endpoint, "s3", "module.client_stage.module.network.module.vpc.aws_vpc.this");
    ObjectNode cluster =
        resource(
            "module.client_stage.module.compute.module.eks",
            "managed",
            "aws_eks_cluster",
            "this",
            "module.client_stage.module.compute." + AWS + ".eks");
    instance(
        cluster,
        null,
        "module.client_stage.module.network.module.vpc.aws_subnet.private",
        "module.client_stage.module.compute.module.eks.aws_iam_role.this");
    instance(
        resource(
            "module.client_stage.module.compute.module.eks",
            "managed",
            "aws_iam_role",
            "this",
            AWS),
        null);

    SliceResult result = slicer(conventional(), Set.of("vpc", "eks")).slice(state());

    UnitSlice network = result.unit("vpc");
    assertThat(network.moves())
        .extracting(Move::to)
        .containsExactly(
            "aws_subnet.private[0]",
            "aws_subnet.private[1] (tainted)",
            "aws_vpc.this",
            "aws_vpc.this (deposed 00a1b2c3)",
            "module.endpoints.aws_vpc_endpoint.this[\"s3\"]");
    assertThat(network.moves().get(0).from())
        .isEqualTo("module.client_stage.module.network.module.vpc.aws_subnet.private[0]");
    // As written out: attributes are carried as the text the source holds them in.
    JsonNode firstSubnet =
        StateJson.parse(StateJson.write(network.resources().get(0).node()), "unit")
            .path("instances")
            .get(0);
    assertThat(firstSubnet.path("dependencies").get(0).asText()).isEqualTo("aws_vpc.this");
    assertThat(firstSubnet.path("attributes").path("password").asText()).isEqualTo("s3cr3t");
    assertThat(firstSubnet.path("sensitive_attributes")).hasSize(1);
    assertThat(firstSubnet.path("private").asText()).isNotEmpty();
    assertThat(network.resources().get(0).node().has("module")).isFalse();
    // A provider configured inside the component moves with it.
    assertThat(network.resources().get(2).provider().render()).isEqualTo("module.endpoints." + AWS);
    assertThat(
            network
                .resources()
                .get(2)
                .node()
                .path("instances")
                .get(0)
                .path("dependencies")
                .get(0)
                .asText())
        .isEqualTo("aws_vpc.this");

    UnitSlice eks = result.unit("eks");
    JsonNode clusterInstance = eks.resources().get(0).node().path("instances").get(0);
    // The dependency on vpc's subnets leaves the slice: it becomes a dependency between units.
    assertThat(clusterInstance.path("dependencies"))
        .extracting(JsonNode::asText)
        .containsExactly("aws_iam_role.this");
    assertThat(eks.droppedDependencies()).isEqualTo(1);
    // A provider passed down from a parent module becomes the unit's own default configuration.
    assertThat(eks.resources().get(0).provider().render()).isEqualTo(AWS);
    assertThat(eks.providers())
        .containsEntry("module.client_stage.module.compute." + AWS + ".eks", AWS);

    TerraformState unit = TerraformState.of(state(), "new", 1, network.resources(), false);
    assertThat(new String(unit.toBytes(), StandardCharsets.UTF_8))
        .contains("\"check_results\": null");
  }

  @Test
  void theHashicorpProvidersOpenTofuWroteLandUnderTheAddressBothEnginesRead() {
    String tofuAws = "provider[\"registry.opentofu.org/hashicorp/aws\"]";
    String tofuCloudflare = "provider[\"registry.opentofu.org/cloudflare/cloudflare\"]";
    instance(
        resource(
            "module.client_stage.module.network.module.vpc", "managed", "aws_vpc", "this", tofuAws),
        null);
    instance(
        resource(
            "module.client_stage.module.network.module.vpc.module.endpoints",
            "managed",
            "aws_vpc_endpoint",
            "this",
            "module.client_stage.module.network.module.vpc.module.endpoints." + tofuAws),
        null);
    instance(
        resource(
            "module.client_stage.module.access.module.tunnel",
            "managed",
            "cloudflare_zero_trust_tunnel_cloudflared",
            "this",
            tofuCloudflare),
        null);

    SliceResult result = slicer(conventional(), Set.of("vpc", "tunnel")).slice(state());

    assertThat(result.unit("vpc").resources())
        .extracting(r -> r.provider().render())
        .containsExactly(AWS, "module.endpoints." + AWS);
    assertThat(result.unit("vpc").resources().get(0).node().path("provider").asText())
        .isEqualTo(AWS);
    assertThat(result.unit("vpc").providers()).containsEntry(tofuAws, AWS);
    // Only the HashiCorp namespace is the same provider under both registries.
    assertThat(result.unit("tunnel").resources().get(0).provider().render())
        .isEqualTo(tofuCloudflare);
  }

  @Test
  void moduleInstanceKeysInThePrefixSelectOneInstance() {
    instance(
        resource(
            "module.client_stage[\"eu\"].module.data.module.rds[0]",
            "managed",
            "aws_db_instance",
            "this",
            AWS),
        null);
    instance(
        resource(
            "module.client_stage[\"us\"].module.data.module.rds[0]",
            "managed",
            "aws_db_instance",
            "this",
            AWS),
        null);
    Mapping mapping =
        new Mapping(
            AddressParser.pattern("module.client_stage[\"eu\"].module.*"),
            Map.of(),
            Map.of(),
            List.of("module.client_stage[\"us\"]"),
            Map.of(),
            Map.of());

    SliceResult result = slicer(mapping, Set.of("rds")).slice(state());

    assertThat(result.unit("rds").moves())
        .containsExactly(
            new Move(
                "module.client_stage[\"eu\"].module.data.module.rds[0].aws_db_instance.this",
                "aws_db_instance.this"));
    assertThat(result.excluded())
        .containsExactly(
            "module.client_stage[\"us\"].module.data.module.rds[0].aws_db_instance.this");
  }

  @Test
  void twoSourcesLandingOnOneAddressAreRefusedNamingBoth() {
    instance(
        resource(
            "module.client_stage.module.blue.module.rds",
            "managed",
            "aws_db_instance",
            "this",
            AWS),
        null);
    instance(
        resource(
            "module.client_stage.module.green.module.rds",
            "managed",
            "aws_db_instance",
            "this",
            AWS),
        null);

    assertThatThrownBy(() -> slicer(conventional(), Set.of("rds")).slice(state()))
        .isInstanceOf(MigrationRefusedException.class)
        .hasMessageContaining(
            "collision in unit rds: module.client_stage.module.blue.module.rds.aws_db_instance.this and "
                + "module.client_stage.module.green.module.rds.aws_db_instance.this would both become aws_db_instance.this");
  }

  @Test
  void aResourceTheUnitAlreadyHoldsIsACollision() {
    instance(
        resource(
            "module.client_stage.module.data.module.rds",
            "managed",
            "aws_db_instance",
            "this",
            AWS),
        null);
    Slicer slicer =
        new Slicer(
            conventional(),
            Set.of("rds")::contains,
            "live/local",
            Map.of("rds", Set.of(AddressParser.resource("aws_db_instance.this"))));

    assertThatThrownBy(() -> slicer.slice(state()))
        .hasMessageContaining("which the unit's state already holds");
  }

  @Test
  void everyUnmappedThingIsReportedTogether() {
    instance(
        resource(
            "module.client_stage.module.legacy.module.ftp", "managed", "aws_instance", "this", AWS),
        null);
    instance(resource("", "managed", "aws_s3_bucket", "logs", AWS), null);
    instance(
        resource("module.client_stage.module.data", "managed", "aws_kms_key", "shared", AWS), null);
    instance(resource("", "data", "aws_caller_identity", "current", AWS), null);
    Mapping mapping =
        new Mapping(
            AddressParser.pattern(PREFIX),
            Map.of("nothing", "x"),
            Map.of(),
            List.of("module.gone"),
            Map.of(),
            Map.of());

    assertThatThrownBy(() -> slicer(mapping, Set.of("vpc")).slice(state()))
        .isInstanceOfSatisfying(
            MigrationRefusedException.class,
            e ->
                assertThat(e.problems())
                    .containsExactlyInAnyOrder(
                        "unmapped module: module.client_stage.module.legacy.module.ftp goes to unit \"ftp\" (convention), which live/local does not have;"
                            + " add the unit, rename the module in the mapping file, or exclude it",
                        "unmapped: aws_s3_bucket.logs is outside the prefix module.client_stage.module.*; exclude it to leave it in the monolith",
                        "unmapped: module.client_stage.module.data.aws_kms_key.shared sits in the prefix module itself, not in a component below "
                            + "module.client_stage.module.*; exclude it or move it into a component first",
                        "mapping: exclude \"module.gone\" matches nothing in the state",
                        "mapping: renames entry \"nothing\" matches no module below module.client_stage.module.*"));
  }

  @Test
  void dataSourcesOutsideThePrefixStayBehindAndExclusionsAreHonoured() {
    instance(resource("", "data", "aws_caller_identity", "current", AWS), null);
    instance(resource("", "managed", "aws_s3_bucket", "logs", AWS), null);
    instance(
        resource(
            "module.client_stage.module.network.module.vpc", "managed", "aws_vpc", "this", AWS),
        null);
    Mapping mapping =
        new Mapping(
            AddressParser.pattern(PREFIX),
            Map.of(),
            Map.of(),
            List.of("aws_s3_bucket.logs"),
            Map.of(),
            Map.of());

    SliceResult result = slicer(mapping, Set.of("vpc")).slice(state());

    assertThat(result.leftBehind()).containsExactly("data.aws_caller_identity.current");
    assertThat(result.excluded()).containsExactly("aws_s3_bucket.logs");
    assertThat(result.units()).extracting(UnitSlice::unit).containsExactly("vpc");
  }

  @Test
  void renamesMergesIntoAndProviderOverrides() {
    instance(
        resource(
            "module.client_stage.module.edge.module.tunnel",
            "managed",
            "aws_instance",
            "this",
            AWS + ".use1"),
        null);
    instance(
        resource(
            "module.client_stage.module.ops.module.alarms",
            "managed",
            "aws_cloudwatch_metric_alarm",
            "cpu",
            AWS),
        null,
        "module.client_stage.module.ops.module.dashboards.aws_cloudwatch_dashboard.main");
    instance(
        resource(
            "module.client_stage.module.ops.module.dashboards",
            "managed",
            "aws_cloudwatch_dashboard",
            "main",
            AWS),
        null);
    instance(
        resource(
            "module.client_stage.module.data.module.db", "managed", "aws_db_instance", "this", AWS),
        null);
    Mapping mapping =
        new Mapping(
            AddressParser.pattern(PREFIX),
            Map.of("tunnel", "cloudflared-ec2", "module.client_stage.module.data.module.db", "rds"),
            Map.of("observability", List.of("alarms", "dashboards")),
            List.of(),
            Map.of("rds", AddressParser.moduleInstance("module.rds")),
            Map.of(AWS + ".use1", AWS + ".us_east_1"));

    SliceResult result =
        slicer(mapping, Set.of("cloudflared-ec2", "observability", "rds")).slice(state());

    assertThat(result.unit("cloudflared-ec2").resources().get(0).provider().render())
        .isEqualTo(AWS + ".us_east_1");
    assertThat(result.unit("rds").moves())
        .extracting(Move::to)
        .containsExactly("module.rds.aws_db_instance.this");
    assertThat(result.unit("rds").resources().get(0).address().module())
        .isEqualTo(AddressParser.moduleInstance("module.rds"));
    UnitSlice observability = result.unit("observability");
    assertThat(observability.components()).extracting(Component::rule).containsOnly("merges");
    StateResource alarm =
        observability.resources().stream()
            .filter(r -> r.address().type().equals("aws_cloudwatch_metric_alarm"))
            .findFirst()
            .orElseThrow();
    // Both merged components land at the unit's root, so the dependency stays inside the slice.
    assertThat(alarm.node().path("instances").get(0).path("dependencies").get(0).asText())
        .isEqualTo("aws_cloudwatch_dashboard.main");
    assertThat(ModuleInstance.ROOT.render()).isEmpty();
  }

  @Test
  void anExclusionInsideAnExcludedModuleMatchesToo() {
    instance(
        resource(
            "module.client_stage.module.legacy.module.ftp", "managed", "aws_instance", "this", AWS),
        null);
    instance(
        resource(
            "module.client_stage.module.network.module.vpc", "managed", "aws_vpc", "this", AWS),
        null);
    Mapping mapping =
        new Mapping(
            AddressParser.pattern(PREFIX),
            Map.of(),
            Map.of(),
            List.of(
                "module.client_stage.module.legacy",
                "module.client_stage.module.legacy.module.ftp.aws_instance.this"),
            Map.of(),
            Map.of());

    SliceResult result = slicer(mapping, Set.of("vpc")).slice(state());

    assertThat(result.excluded())
        .containsExactly("module.client_stage.module.legacy.module.ftp.aws_instance.this");
    assertThat(result.units()).extracting(UnitSlice::unit).containsExactly("vpc");
  }

  @Test
  void aStateWithNothingBelowThePrefixIsRefused() {
    instance(resource("", "data", "aws_caller_identity", "current", AWS), null);
    instance(
        resource(
            "module.client_stage.module.legacy.module.ftp", "managed", "aws_instance", "this", AWS),
        null);
    Mapping mapping =
        new Mapping(
            AddressParser.pattern(PREFIX),
            Map.of(),
            Map.of(),
            List.of("module.client_stage.module.legacy"),
            Map.of(),
            Map.of());

    assertThatThrownBy(() -> slicer(mapping, Set.of("ftp")).slice(state()))
        .isInstanceOf(MigrationRefusedException.class)
        .hasMessage(
            "nothing to migrate: no resource in the state sits in a module below module.client_stage.module.*");
    resources.removeAll();
    assertThatThrownBy(() -> slicer(conventional(), Set.of("ftp")).slice(state()))
        .hasMessageStartingWith("nothing to migrate");
  }

  @Test
  void intoAndProviderEntriesThatMatchNothingAreRefused() {
    instance(
        resource(
            "module.client_stage.module.data.module.rds",
            "managed",
            "aws_db_instance",
            "this",
            AWS),
        null);
    Mapping mapping =
        new Mapping(
            AddressParser.pattern(PREFIX),
            Map.of(),
            Map.of(),
            List.of(),
            Map.of("rsd", AddressParser.moduleInstance("module.rds")),
            Map.of(AWS + ".use1", AWS + ".us_east_1"));

    assertThatThrownBy(() -> slicer(mapping, Set.of("rds")).slice(state()))
        .isInstanceOfSatisfying(
            MigrationRefusedException.class,
            e ->
                assertThat(e.problems())
                    .containsExactlyInAnyOrder(
                        "mapping: into.rsd names a unit that receives nothing",
                        "mapping: providers entry "
                            + AWS
                            + ".use1 is the provider of no resource below module.client_stage.module.*"));
  }

  @Test
  void withTheRootModuleAsPrefixItsModuleCallsAreTheComponents() {
    instance(resource("module.vpc", "managed", "aws_vpc", "this", AWS), null);
    instance(
        resource(
            "module.eks.module.nodes",
            "managed",
            "aws_eks_node_group",
            "this",
            "module.eks." + AWS),
        null,
        "module.vpc.aws_vpc.this");
    instance(resource("", "data", "aws_caller_identity", "current", AWS), null);
    instance(resource("", "managed", "aws_s3_bucket", "logs", AWS), null);
    Mapping root = Mapping.conventional(AddressParser.pattern(""));

    assertThatThrownBy(() -> slicer(root, Set.of("vpc", "eks")).slice(state()))
        .hasMessage(
            "unmapped: aws_s3_bucket.logs sits in the prefix module itself, not in a component below the root module;"
                + " exclude it or move it into a component first");
    Mapping rootWithoutLogs =
        new Mapping(
            AddressParser.pattern(""),
            Map.of(),
            Map.of(),
            List.of("aws_s3_bucket.logs"),
            Map.of(),
            Map.of());
    SliceResult result = slicer(rootWithoutLogs, Set.of("vpc", "eks")).slice(state());

    assertThat(result.unit("vpc").moves())
        .containsExactly(new Move("module.vpc.aws_vpc.this", "aws_vpc.this"));
    assertThat(result.unit("eks").moves())
        .containsExactly(
            new Move(
                "module.eks.module.nodes.aws_eks_node_group.this",
                "module.nodes.aws_eks_node_group.this"));
    assertThat(result.unit("eks").resources().get(0).provider().render()).isEqualTo(AWS);
    assertThat(result.leftBehind()).containsExactly("data.aws_caller_identity.current");
  }
}
