package io.platform.migrate.apply;

import static io.platform.migrate.apply.MigrationTestStates.MAPPING;
import static io.platform.migrate.apply.MigrationTestStates.TERRAFORM;
import static io.platform.migrate.apply.MigrationTestStates.monolith;
import static io.platform.migrate.apply.MigrationTestStates.source;
import static io.platform.migrate.apply.MigrationTestStates.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platform.exit.ExitCode;
import io.platform.live.UnitGraph;
import io.platform.migrate.plan.MigrationPlan;
import io.platform.migrate.plan.SourceRef;
import io.platform.migrate.storage.FileStateStore;
import io.platform.migrate.storage.S3Location;
import io.platform.migrate.storage.StateStore;
import io.platform.migrate.storage.StoreSpec;
import io.platform.verify.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate apply} with verification on: each unit planned against a local copy of its new
 * state before anything is pushed, then against the pushed state. Live units whose S3 states are
 * kept as files here; Terragrunt and Terraform are a recording fake answering with real plan
 * captures. eks depends on vpc.
 */
class MigrationApplierVerifiedTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private MigrationPlan plan;

  /** Unit states as files, dir/states/UNIT.tfstate, wherever the plan says the S3 object is. */
  private final StateStores stores =
      new StateStores() {
        @Override
        public StateStore source(SourceRef ref) {
          return new FileStateStore(Path.of(ref.spec()));
        }

        @Override
        public StateStore destination(StoreSpec spec, Push push) {
          Path unitDir = spec.unit().orElseThrow();
          return new FileStateStore(stateFile(unitDir.getFileName().toString()));
        }
      };

  /** The units dir/live/vpc and dir/live/eks, each with its S3 backend; eks depends on vpc. */
  private final Destinations live =
      new Destinations() {
        @Override
        public String describe() {
          return dir.resolve("live").toString();
        }

        @Override
        public boolean exists(String unit) {
          return true;
        }

        @Override
        public StoreSpec store(String unit) {
          return StoreSpec.s3(
              new S3Location(
                  "us-east-1",
                  "tfstate",
                  "live/" + unit + "/terraform.tfstate",
                  null,
                  false,
                  true,
                  null,
                  null),
              dir.resolve("live").resolve(unit));
        }

        @Override
        public UnitGraph graph(Collection<String> units) {
          return new UnitGraph(List.of("vpc", "eks"), Map.of("eks", List.of("vpc")))
              .restrictedTo(units);
        }
      };

  private Path stateFile(String unit) {
    return dir.resolve("states").resolve(unit + ".tfstate");
  }

  private void planned() {
    Path mono = write(dir.resolve("mono.tfstate"), monolith("1.11.4"));
    plan =
        new MigrationPlanner(stores, TERRAFORM, line -> {})
            .plan(source(mono), MAPPING, live, false, dir.resolve("scratch"), null);
  }

  private ApplyReport apply(FakeEngine engine, boolean materialize) {
    MigrationApplier.Options options =
        new MigrationApplier.Options(false, true, materialize, StateStores.Push.S3, 2, false);
    return new MigrationApplier(stores, engine.tools(), options, TERRAFORM, line -> {})
        .apply(plan, "plan.json", createDirectories(dir.resolve("scratch")));
  }

  private static UnitOutcome outcome(ApplyReport report, String unit) {
    return report.units().stream().filter(u -> u.unit().equals(unit)).findFirst().orElseThrow();
  }

  @Test
  void unitsThatPlanCleanOnTheirLocalCopyArePushedAndThenPlannedCleanAgainstThePushedState() {
    planned();
    FakeEngine engine = new FakeEngine();

    ApplyReport report = apply(engine, false);

    assertThat(report.exitCode()).isEqualTo(ExitCode.OK);
    for (String unit : List.of("vpc", "eks")) {
      UnitOutcome outcome = outcome(report, unit);
      assertThat(outcome.action()).isEqualTo(UnitOutcome.Action.PUSHED);
      assertThat(outcome.localVerdict()).isEqualTo(Verdict.CLEAN);
      assertThat(outcome.remoteVerdict()).isEqualTo(Verdict.CLEAN);
      assertThat(stateFile(unit)).exists();
    }
    // Per unit: the local copy is planned (through Terragrunt, in a download directory of its
    // own) before the unit's own plan, which runs after the push.
    List<String> vpc = engine.calls.stream().filter(c -> c.endsWith(" @ vpc")).toList();
    assertThat(vpc)
        .filteredOn(c -> c.startsWith("terragrunt plan"))
        .satisfiesExactly(
            local -> assertThat(local).contains("--download-dir", "-lock=false"),
            remote -> assertThat(remote).doesNotContain("--download-dir").contains("-json"));
    // The state the local copy was planned against is the one the plan holds for the unit.
    assertThat(engine.backendAtPlan).hasSize(2).allMatch(b -> b.contains("unit.tfstate"));
  }

  @Test
  void aLocalPlanWithChangesPushesNothingForTheUnitAndItsDependentsAreNotStarted() {
    planned();
    FakeEngine engine = new FakeEngine().localPlan("vpc", FakeEngine.CHANGES_PLAN);

    ApplyReport report = apply(engine, false);

    assertThat(report.exitCode()).isEqualTo(ExitCode.CHANGES);
    UnitOutcome vpc = outcome(report, "vpc");
    assertThat(vpc.action()).isEqualTo(UnitOutcome.Action.FAILED);
    assertThat(vpc.localVerdict()).isEqualTo(Verdict.CHANGES);
    // The changes of the capture, by address, with the attributes they change.
    assertThat(vpc.message())
        .contains(
            "the plan against the local copy shows changes",
            "terraform_data.updated [UPDATE] (input, output)",
            "nothing pushed");
    assertThat(stateFile("vpc")).doesNotExist();
    assertThat(outcome(report, "eks").action()).isEqualTo(UnitOutcome.Action.NOT_ATTEMPTED);
    assertThat(stateFile("eks")).doesNotExist();
    assertThat(engine.calls).noneMatch(c -> c.endsWith(" @ eks"));
  }

  @Test
  void aLocalCopyThatCannotBePlannedPushesNothing() {
    planned();
    FakeEngine engine =
        new FakeEngine().failing("terragrunt init -input=false --download-dir", "Error: no creds");

    ApplyReport report = apply(engine, false);

    UnitOutcome vpc = outcome(report, "vpc");
    assertThat(vpc.action()).isEqualTo(UnitOutcome.Action.FAILED);
    assertThat(vpc.localVerdict()).isEqualTo(Verdict.ERROR);
    assertThat(vpc.message())
        .contains("cannot plan against the local copy, nothing pushed", "Error: no creds");
    assertThat(stateFile("vpc")).doesNotExist();
    assertThat(report.exitCode()).isNotEqualTo(ExitCode.OK);
  }

  @Test
  void aPushedUnitWhoseOwnPlanShowsChangesFailsWithItsStateInPlaceAndTheChangesNamed() {
    planned();
    FakeEngine engine =
        new FakeEngine().unitPlan("eks", FakeEngine.CHANGES_STREAM, FakeEngine.CHANGES_PLAN);

    ApplyReport report = apply(engine, false);

    assertThat(report.exitCode()).isEqualTo(ExitCode.CHANGES);
    assertThat(outcome(report, "vpc").succeeded()).isTrue();
    UnitOutcome eks = outcome(report, "eks");
    assertThat(eks.action()).isEqualTo(UnitOutcome.Action.FAILED);
    assertThat(eks.localVerdict()).isEqualTo(Verdict.CLEAN);
    assertThat(eks.remoteVerdict()).isEqualTo(Verdict.CHANGES);
    assertThat(eks.message()).contains("terraform_data.created[0] [CREATE]");
    // Rerunning the plan finds it in place; what to fix is the configuration, not the state.
    assertThat(json(stateFile("eks")).path("lineage").asText())
        .isEqualTo(
            plan.units().stream()
                .filter(u -> u.name().equals("eks"))
                .findFirst()
                .orElseThrow()
                .lineage());
  }

  @Test
  void anOutputOnlyLocalPlanIsAppliedToTheCopyAndThatCopyIsPushed() {
    planned();
    FakeEngine engine =
        new FakeEngine()
            .localPlan("vpc", OUTPUT_ONLY)
            .onLocalApply(state -> withOutput(state, "vpc_id", "n1"));

    ApplyReport report = apply(engine, true);

    assertThat(report.exitCode()).isEqualTo(ExitCode.OK);
    UnitOutcome vpc = outcome(report, "vpc");
    assertThat(vpc.localVerdict()).isEqualTo(Verdict.OUTPUT_ONLY);
    assertThat(vpc.materialized()).isTrue();
    assertThat(json(stateFile("vpc")).path("outputs").path("vpc_id").path("value").asText())
        .isEqualTo("n1");
  }

  @Test
  void aLocalApplyThatLosesAnInstancePushesNothing() {
    planned();
    FakeEngine engine =
        new FakeEngine()
            .localPlan("eks", OUTPUT_ONLY)
            .onLocalApply(
                state -> {
                  ObjectNode tree = (ObjectNode) parse(state);
                  ((ArrayNode) tree.path("resources").get(0).path("instances")).remove(1);
                  return tree.toString();
                });

    ApplyReport report = apply(engine, true);

    UnitOutcome eks = outcome(report, "eks");
    assertThat(eks.action()).isEqualTo(UnitOutcome.Action.FAILED);
    assertThat(eks.message())
        .contains("the state to push holds 1 instance, the plan places 2; nothing pushed");
    assertThat(stateFile("eks")).doesNotExist();
  }

  /** What a plan of a freshly sliced unit shows when only its root outputs are new. */
  private static final String OUTPUT_ONLY =
      "{\"format_version\": \"1.2\", \"output_changes\": {\"vpc_id\": {\"actions\": [\"create\"]}}}";

  private static String withOutput(String state, String name, String value) {
    ObjectNode tree = (ObjectNode) parse(state);
    ObjectNode output = ((ObjectNode) tree.path("outputs")).putObject(name);
    output.put("value", value).put("type", "string");
    return tree.toString();
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode json(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path createDirectories(Path path) {
    FakeEngine.createDirectories(path);
    return path;
  }
}
