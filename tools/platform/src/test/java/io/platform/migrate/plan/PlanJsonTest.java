package io.platform.migrate.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platform.migrate.address.AddressParser;
import io.platform.migrate.config.Mapping;
import io.platform.migrate.slice.Move;
import io.platform.migrate.state.StateJson;
import io.platform.migrate.storage.S3Location;
import io.platform.migrate.storage.StoreSpec;
import io.platform.migrate.wiring.CrossingReference;
import io.platform.toolchain.Engine;
import io.platform.toolchain.EngineRelease;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanJsonTest {

  @Test
  void aSavedPlanReadsBackAsTheSamePlan() {
    Mapping mapping =
        new Mapping(
            AddressParser.pattern("module.client_stage[\"eu\"].module.*"),
            Map.of("tunnel", "cloudflared-ec2"),
            Map.of("obs", List.of("alarms", "dashboards")),
            List.of("module.legacy"),
            Map.of("rds", AddressParser.moduleInstance("module.rds")),
            Map.of());
    S3Location s3 =
        new S3Location(
            "eu-west-1",
            "bucket",
            "prod/vpc/terraform.tfstate",
            "lock",
            true,
            true,
            "alias/aws/s3",
            URI.create("http://127.0.0.1:1"));
    PlannedUnit vpc =
        new PlannedUnit(
            "vpc",
            StoreSpec.s3(s3, Path.of("/live/prod/vpc")),
            "lineage-1",
            1,
            null,
            2,
            List.of(
                new Move(
                    "module.client_stage[\"eu\"].module.network.module.vpc.aws_subnet.x[\"a\\\"b\"]",
                    "aws_subnet.x[\"a\\\"b\"]")),
            Map.of("module.a.provider[\"p\"]", "provider[\"p\"]"),
            3,
            List.of());
    PlannedUnit rds =
        new PlannedUnit(
            "rds",
            StoreSpec.file(Path.of("/out/rds/terraform.tfstate")),
            "lineage-2",
            8,
            new PlannedUnit.Existing("lineage-2", 7, "abc"),
            1,
            List.of(new Move("a.b", "module.rds.a.b (tainted)")),
            Map.of(),
            0,
            List.of("vpc"));
    MigrationPlan plan =
        new MigrationPlan(
            "2026-12-01T08:00:00Z",
            new SourceRef("s3://b/k", "eu-west-1", "lock"),
            "sha",
            "mono",
            42,
            mapping,
            "/live/prod",
            List.of(vpc, rds),
            List.of("module.legacy.aws_x.y"),
            List.of("data.aws_caller_identity.me"),
            new EngineRelease(Engine.TOFU, "1.12.6"),
            new Wiring(
                "/mono",
                true,
                List.of(
                    new CrossingReference(
                        "rds",
                        "module.rds",
                        "vpc_id",
                        "module.vpc.vpc_id",
                        "vpc",
                        "vpc_id",
                        List.of("no dependency \"vpc\" in unit rds")),
                    new CrossingReference(
                        "rds", "module.rds", "tags", "local.tags", null, null, List.of()))),
            new Accounting(4, 2, 1, 1));

    MigrationPlan read = PlanJson.read(PlanJson.write(plan), "plan.json");

    assertThat(read).isEqualTo(plan);
    assertThat(read.instanceCount()).isEqualTo(2);
    assertThat(PlanText.render(read))
        .contains(
            "adds to the existing state: lineage lineage-2, serial 7 -> 8",
            "3 dependencies on other units dropped",
            "provider module.a.provider[\"p\"] -> provider[\"p\"]",
            "  after vpc\n",
            "engine: OpenTofu 1.12.6\n");
  }

  @Test
  void aPlanSavedWithoutDependenciesRunsItsUnitsOneAfterTheOther() throws Exception {
    JsonNode saved = StateJson.parse(PlanJson.write(plan(List.of())), "plan.json");
    saved.path("units").forEach(u -> ((ObjectNode) u).remove("depends_on"));

    MigrationPlan read = PlanJson.read(StateJson.write(saved), "old-plan.json");

    assertThat(read.units())
        .extracting(PlannedUnit::dependsOn)
        .containsExactly(List.of(), List.of("a"), List.of("a", "b"));
  }

  @Test
  void aPlanWhoseUnitDependsOnAUnitNotBeforeItIsRefused() throws Exception {
    JsonNode saved = StateJson.parse(PlanJson.write(plan(List.of())), "plan.json");
    ((ObjectNode) saved.path("units").get(0)).putArray("depends_on").add("c");

    assertThatThrownBy(() -> PlanJson.read(StateJson.write(saved), "edited-plan.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "edited-plan.json: unit a depends on \"c\", which is not a unit before it in the plan");
  }

  private static MigrationPlan plan(List<String> dependsOn) {
    Mapping mapping =
        new Mapping(
            AddressParser.pattern("module.*"), Map.of(), Map.of(), List.of(), Map.of(), Map.of());
    List<PlannedUnit> units =
        List.of("a", "b", "c").stream()
            .map(
                n ->
                    new PlannedUnit(
                        n,
                        StoreSpec.file(Path.of("/out", n, "terraform.tfstate")),
                        "lineage-" + n,
                        1,
                        null,
                        0,
                        List.of(),
                        Map.of(),
                        0,
                        dependsOn))
            .toList();
    return new MigrationPlan(
        "2026-12-01T08:00:00Z",
        new SourceRef("mono.tfstate", null, null),
        "sha",
        "mono",
        1,
        mapping,
        "/out",
        units,
        List.of(),
        List.of(),
        null,
        null,
        null);
  }

  @Test
  void somethingElseIsNotTakenForAPlan() {
    assertThatThrownBy(
            () ->
                PlanJson.read(
                    "{\"version\": 4}".getBytes(StandardCharsets.UTF_8), "terraform.tfstate"))
        .hasMessageContaining("terraform.tfstate is not a migration plan");
  }
}
