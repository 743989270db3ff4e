package io.platform.migrate.apply;

import static io.platform.migrate.apply.MigrationTestStates.MAPPING;
import static io.platform.migrate.apply.MigrationTestStates.TERRAFORM;
import static io.platform.migrate.apply.MigrationTestStates.monolith;
import static io.platform.migrate.apply.MigrationTestStates.source;
import static io.platform.migrate.apply.MigrationTestStates.stores;
import static io.platform.migrate.apply.MigrationTestStates.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.platform.exit.ExitCode;
import io.platform.migrate.plan.Accounting;
import io.platform.migrate.plan.MigrationPlan;
import io.platform.migrate.plan.PlannedUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate apply} on file stores, verification off: the writes, the rerun, and each refusal
 * that must leave every destination as it was.
 */
class MigrationApplierTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path mono;
  private MigrationPlan plan;

  private MigrationPlan planned() {
    mono = write(dir.resolve("mono.tfstate"), monolith("1.11.4"));
    plan =
        new MigrationPlanner(stores(dir.resolve("scratch")), TERRAFORM, line -> {})
            .plan(
                source(mono),
                MAPPING,
                new DirectoryDestinations(dir.resolve("units")),
                false,
                dir.resolve("scratch"),
                null);
    return plan;
  }

  private ApplyReport apply(boolean force) {
    MigrationApplier.Options options =
        new MigrationApplier.Options(force, false, false, StateStores.Push.S3, 2, false);
    return new MigrationApplier(
            stores(dir.resolve("scratch")),
            new MigrationApplier.Tools(null, null, null),
            options,
            null,
            line -> {})
        .apply(plan, "plan.json", dir.resolve("scratch"));
  }

  private JsonNode unitState(String unit) throws IOException {
    return JSON.readTree(dir.resolve("units").resolve(unit).resolve("terraform.tfstate").toFile());
  }

  private PlannedUnit unit(String name) {
    return plan.units().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void everyUnitGetsItsSliceUnderThePlannedLineageAndTheSourceIsUntouched() throws IOException {
    planned();
    byte[] before = Files.readAllBytes(mono);

    ApplyReport report = apply(false);

    assertThat(report.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(report.units())
        .extracting(UnitOutcome::action)
        .containsOnly(UnitOutcome.Action.PUSHED);
    JsonNode eks = unitState("eks");
    assertThat(eks.path("lineage").asText()).isEqualTo(unit("eks").lineage());
    assertThat(eks.path("serial").asLong()).isEqualTo(1);
    assertThat(eks.path("resources").get(0).has("module")).isFalse();
    assertThat(eks.path("resources").get(0).path("instances")).hasSize(2);
    assertThat(Files.readAllBytes(mono)).isEqualTo(before);
    assertThat(report.source().unchanged()).isTrue();
  }

  @Test
  void aRerunOfTheSamePlanSkipsWhatIsInPlace() throws IOException {
    planned();
    apply(false);
    byte[] vpc = Files.readAllBytes(dir.resolve("units/vpc/terraform.tfstate"));

    ApplyReport again = apply(false);

    assertThat(again.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(again.units())
        .extracting(UnitOutcome::action)
        .containsOnly(UnitOutcome.Action.SKIPPED);
    assertThat(Files.readAllBytes(dir.resolve("units/vpc/terraform.tfstate"))).isEqualTo(vpc);
  }

  @Test
  void aSourceChangedSinceThePlanIsRefusedForEveryUnitAndNothingIsWritten() {
    planned();
    write(mono, monolith("1.11.4").replace("\"serial\": 7", "\"serial\": 8"));

    ApplyReport report = apply(false);

    assertThat(report.exitCode()).isEqualTo(ExitCode.REFUSED);
    assertThat(report.units())
        .extracting(UnitOutcome::action)
        .containsOnly(UnitOutcome.Action.REFUSED);
    assertThat(report.units().get(0).message()).contains("the source changed since the plan");
    assertThat(dir.resolve("units")).doesNotExist();
  }

  @Test
  void aPlanWhoseInstanceCountsTheSourceNoLongerGivesIsRefusedForEveryUnit() {
    planned();
    Accounting counted = plan.accounting();
    plan =
        new MigrationPlan(
            plan.created(),
            plan.source(),
            plan.sourceSha256(),
            plan.sourceLineage(),
            plan.sourceSerial(),
            plan.mapping(),
            plan.destination(),
            plan.units(),
            plan.excluded(),
            plan.leftBehind(),
            plan.engine(),
            plan.wiring(),
            new Accounting(counted.source(), counted.units() - 1, counted.excluded() + 1, 0));

    ApplyReport report = apply(false);

    assertThat(report.exitCode()).isEqualTo(ExitCode.REFUSED);
    assertThat(report.units())
        .extracting(UnitOutcome::action)
        .containsOnly(UnitOutcome.Action.REFUSED);
    assertThat(report.units().get(0).message())
        .contains(
            "slicing the source again places its instances otherwise (3 instances in the source ="
                + " 3 in units + 0 excluded");
    assertThat(dir.resolve("units")).doesNotExist();
  }

  @Test
  void aDestinationSomethingElseWroteIsRefusedUntilForced() throws IOException {
    planned();
    Path foreign =
        write(
            dir.resolve("units/vpc/terraform.tfstate"),
            "{\"version\": 4, \"terraform_version\": \"1.11.4\", \"serial\": 3, \"lineage\": \"other\", \"resources\": []}");
    byte[] theirs = Files.readAllBytes(foreign);

    ApplyReport refused = apply(false);

    assertThat(refused.exitCode()).isEqualTo(ExitCode.REFUSED);
    assertThat(refused.units())
        .filteredOn(u -> u.unit().equals("vpc"))
        .extracting(UnitOutcome::message)
        .singleElement()
        .asString()
        .contains("lineage other (serial 3)")
        .contains("nothing written (--force overwrites)");
    assertThat(refused.units())
        .filteredOn(u -> u.unit().equals("eks"))
        .extracting(UnitOutcome::action)
        .containsExactly(UnitOutcome.Action.NOT_ATTEMPTED);
    assertThat(Files.readAllBytes(foreign)).isEqualTo(theirs);
    assertThat(dir.resolve("units/eks")).doesNotExist();

    ApplyReport forced = apply(true);

    assertThat(forced.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(unitState("vpc").path("lineage").asText()).isEqualTo(unit("vpc").lineage());
    assertThat(unitState("vpc").path("serial").asLong()).isEqualTo(4);
  }
}
