package io.platform.migrate.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.platform.Captures;
import io.platform.migrate.address.ModulePath;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The crossing references of a real configuration JSON ({@code wiring/configuration.json}, written
 * by {@code wiring/capture.sh} from {@code wiring/config}): components under {@code module.stage},
 * a module outside the prefix, and every way of reading another module.
 */
class CrossingReferencesTest {
  private static final Map<ModulePath, String> COMPONENTS =
      Map.of(
          path("stage", "network"), "network",
          path("stage", "app"), "app",
          path("stage", "api"), "api",
          path("stage", "workers"), "workers");

  private ConfigurationJson config;

  @BeforeEach
  void readTheCapture() throws IOException {
    config =
        ConfigurationJson.of(
            new ObjectMapper().readTree(Captures.read("wiring/configuration.json")));
  }

  @Test
  void eachReadOfAnotherUnitsModuleIsFoundOnceWithWhereItWasRead() {
    assertThat(new CrossingReferences(config, COMPONENTS).find())
        .extracting(CrossingReference::describe)
        .containsExactlyInAnyOrder(
            "app.subnet <- network.subnets (read module.network.subnets[\"a\"] of module.stage in"
                + " module.stage.module.app)",
            "app.vpc_id <- network.vpc_id (read module.network.vpc_id of module.stage in"
                + " module.stage.module.app)",
            "api.upstream <- app.endpoint (read module.app.endpoint of module.stage in"
                + " module.stage.module.api)",
            "api.upstream <- ? (read module.base.vpc_id in module.stage.module.api)",
            "api.vpc_id <- ? (read local.vpc_id of module.stage in module.stage.module.api)",
            "workers.for_each <- network.subnets (read module.network.subnets of module.stage in"
                + " module.stage.module.workers)");
  }

  @Test
  void readsWithinOneUnitAreNotCrossings() {
    Map<ModulePath, String> oneUnit =
        Map.of(path("stage", "network"), "stage", path("stage", "app"), "stage");

    assertThat(new CrossingReferences(config, oneUnit).find())
        .extracting(CrossingReference::unit, CrossingReference::argument)
        .doesNotContain(tuple("stage", "vpc_id"));
  }

  @Test
  void theResourcesDeclaredAreThoseOfEveryModuleWithoutInstanceKeys() {
    assertThat(config.declares("module.stage.module.app.terraform_data.server")).isTrue();
    assertThat(config.declares("module.stage.module.workers.terraform_data.server")).isTrue();
    assertThat(config.declares("module.base.terraform_data.vpc")).isTrue();
    assertThat(config.declares("module.stage.terraform_data.server")).isFalse();
  }

  @Test
  void aReferenceIsReadWithoutItsKeysQuotedDotsAndBracketsIncluded() {
    assertThat(CrossingReferences.steps("module.x[\"a.b]\"].out[0].id"))
        .containsExactly("module", "x", "out", "id");
    assertThat(CrossingReferences.steps("module.vpc")).containsExactly("module", "vpc");
  }

  @Test
  void theLiveTreeCheckNamesWhatEachUnwiredReferenceLacks() {
    List<CrossingReference> checked =
        WiringCheck.check(
            new CrossingReferences(config, COMPONENTS).find(),
            new UnitInterfaces() {
              @Override
              public List<String> dependencies(String unit) {
                return unit.equals("app") ? List.of("network") : List.of();
              }

              @Override
              public Set<String> outputs(String unit) {
                return unit.equals("network") ? Set.of("vpc_id") : Set.of("endpoint");
              }

              @Override
              public Set<String> inputs(String unit) {
                return unit.equals("app") ? Set.of("vpc_id") : Set.of("upstream", "vpc_id");
              }
            });

    assertThat(checked)
        .extracting(r -> r.unit() + "." + r.argument() + " " + r.dependency(), r -> r.problems())
        .containsExactlyInAnyOrder(
            tuple(
                "app.subnet network",
                List.of(
                    "the module of unit network has no output \"subnets\"",
                    "unit app sets no input \"subnet\"")),
            tuple("app.vpc_id network", List.of()),
            tuple("api.upstream app", List.of("no dependency \"app\" in unit api")),
            tuple(
                "api.upstream null",
                List.of("reads a module that lands in no unit (excluded or outside the prefix)")),
            tuple(
                "api.vpc_id null",
                List.of(
                    "reads a local, which Terraform's configuration JSON does not resolve: wire it"
                        + " by hand and pass --allow-unwired")),
            tuple(
                "workers.for_each network",
                List.of(
                    "no dependency \"network\" in unit workers",
                    "the module of unit network has no output \"subnets\"",
                    "for_each of the module call decides the unit's instances: a unit has no"
                        + " for_each, so make one unit per instance or move the for_each into the"
                        + " module, and pass --allow-unwired")));
  }

  private static ModulePath path(String... names) {
    return new ModulePath(List.of(names));
  }
}
