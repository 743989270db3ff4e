package io.platform.migrate.apply;

import static io.platform.migrate.apply.MigrationTestStates.MAPPING;
import static io.platform.migrate.apply.MigrationTestStates.TERRAFORM;
import static io.platform.migrate.apply.MigrationTestStates.monolith;
import static io.platform.migrate.apply.MigrationTestStates.source;
import static io.platform.migrate.apply.MigrationTestStates.stores;
import static io.platform.migrate.apply.MigrationTestStates.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.platform.migrate.config.Mapping;
import io.platform.migrate.plan.Accounting;
import io.platform.migrate.plan.MigrationPlan;
import io.platform.migrate.plan.PlanJson;
import io.platform.migrate.plan.PlanText;
import io.platform.migrate.plan.PlannedUnit;
import io.platform.migrate.slice.MigrationRefusedException;
import io.platform.migrate.state.StateFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate plan} on file stores: what it plans, what it refuses, and that it writes nothing.
 */
class MigrationPlannerTest {
  @TempDir Path dir;
  private final List<String> progress = new ArrayList<>();

  private MigrationPlan plan(Path mono, boolean allowExisting) {
    return new MigrationPlanner(stores(dir.resolve("scratch")), TERRAFORM, progress::add)
        .plan(
            source(mono),
            MAPPING,
            new DirectoryDestinations(dir.resolve("units")),
            allowExisting,
            dir.resolve("scratch"),
            null);
  }

  @Test
  void everyInstanceOfTheSourceIsPlacedExactlyOnceInAUnitOrLeftInTheMonolith() throws IOException {
    String withMore =
        monolith("1.11.4")
            .replace(
                "\"resources\": [",
                "\"resources\": [\n"
                    + "  {\"mode\": \"data\", \"type\": \"terraform_remote_state\", \"name\": \"peer\","
                    + " \"provider\": \"provider[\\\"terraform.io/builtin/terraform\\\"]\","
                    + " \"instances\": [{\"schema_version\": 0, \"attributes\": {}}]},\n"
                    + "  {\"module\": \"module.legacy\", \"mode\": \"managed\", \"type\": \"terraform_data\","
                    + " \"name\": \"old\", \"provider\": \"provider[\\\"terraform.io/builtin/terraform\\\"]\","
                    + " \"instances\": [{\"index_key\": 0, \"schema_version\": 0, \"attributes\": {}},"
                    + " {\"index_key\": 1, \"schema_version\": 0, \"attributes\": {}}]},");
    Path mono = write(dir.resolve("mono.tfstate"), withMore);
    Mapping excludingLegacy =
        new Mapping(
            MAPPING.prefix(), Map.of(), Map.of(), List.of("module.legacy"), Map.of(), Map.of());

    MigrationPlan plan =
        new MigrationPlanner(stores(dir.resolve("scratch")), TERRAFORM, progress::add)
            .plan(
                source(mono),
                excludingLegacy,
                new DirectoryDestinations(dir.resolve("units")),
                false,
                dir.resolve("scratch"),
                null);

    assertThat(plan.accounting()).isEqualTo(new Accounting(6, 3, 2, 1));
    assertThat(PlanText.render(plan))
        .contains(
            "every instance placed once: 6 instances in the source = 3 in units + 2 excluded + 1"
                + " data source left behind");
    assertThat(PlanJson.read(PlanJson.write(plan), "plan.json").accounting())
        .isEqualTo(plan.accounting());
  }

  @Test
  void everyComponentBecomesANewUnitStateAndNothingIsWritten() throws IOException {
    Path mono = write(dir.resolve("mono.tfstate"), monolith("1.11.4"));
    byte[] before = Files.readAllBytes(mono);

    MigrationPlan plan = plan(mono, false);

    assertThat(plan.units()).extracting(PlannedUnit::name).containsExactlyInAnyOrder("vpc", "eks");
    assertThat(plan.units())
        .allSatisfy(
            unit -> {
              assertThat(unit.serial()).isEqualTo(1);
              assertThat(unit.existing()).isNull();
            });
    assertThat(plan.instanceCount()).isEqualTo(3);
    assertThat(plan.sourceSerial()).isEqualTo(7);
    assertThat(plan.engine()).isEqualTo(TERRAFORM);
    assertThat(dir.resolve("units")).doesNotExist();
    assertThat(Files.readAllBytes(mono)).isEqualTo(before);
    assertThat(progress).last().asString().startsWith("source unchanged: ");
  }

  @Test
  void aUnitThatAlreadyHasAStateIsRefusedUnlessAddedTo() {
    Path mono = write(dir.resolve("mono.tfstate"), monolith("1.11.4"));
    write(
        dir.resolve("units/vpc/terraform.tfstate"),
        "{\"version\": 4, \"terraform_version\": \"1.11.4\", \"serial\": 4, \"lineage\": \"vpc-own\", \"resources\": []}");

    assertThatThrownBy(() -> plan(mono, false))
        .isInstanceOf(MigrationRefusedException.class)
        .hasMessageContaining("unit vpc already has a state at")
        .hasMessageContaining("--allow-existing");

    PlannedUnit vpc =
        plan(mono, true).units().stream()
            .filter(u -> u.name().equals("vpc"))
            .findFirst()
            .orElseThrow();
    assertThat(vpc.lineage()).isEqualTo("vpc-own");
    assertThat(vpc.serial()).isEqualTo(5);
    assertThat(vpc.existing().serial()).isEqualTo(4);
  }

  @Test
  void aSourceANewerEngineWroteIsRefusedBeforeAnyPlan() {
    Path mono = write(dir.resolve("mono.tfstate"), monolith("1.12.6"));

    assertThatThrownBy(() -> plan(mono, false))
        .isInstanceOf(StateFormatException.class)
        .hasMessageContaining("was written by version 1.12.6, newer than Terraform 1.11.4 in use");
    assertThat(progress).noneMatch(line -> line.startsWith("source unchanged"));
  }
}
