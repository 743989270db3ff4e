package io.platform.migrate.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.platform.migrate.address.AddressParser;
import io.platform.migrate.config.Mapping;
import io.platform.migrate.plan.MigrationPlan;
import io.platform.migrate.plan.SourceRef;
import io.platform.migrate.state.StateJson;
import io.platform.migrate.storage.PrivateFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plan and apply from a state file to unit state files: the whole run without Terraform. */
class MigrationOfFilesTest {
  static final String AWS = "provider[\"registry.terraform.io/hashicorp/aws\"]";

  @TempDir Path dir;

  private final Consumer<String> progress = line -> {};

  private Path monolith(int components, int resourcesEach) throws Exception {
    ObjectNode root = StateJson.mapper().createObjectNode();
    root.put("version", 4).put("terraform_version", "1.11.4").put("serial", 7).put("lineage", "mono");
    ArrayNode resources = root.putArray("resources");
    for (int c = 0; c < components; c++) {
      for (int r = 0; r < resourcesEach; r++) {
        ObjectNode resource = resources.addObject().put("module", "module.stage.module.c" + c)
            .put("mode", "managed").put("type", "terraform_data").put("name", "r" + r).put("provider", AWS);
        ObjectNode attributes = resource.putArray("instances").addObject().put("schema_version", 0).putObject("attributes");
        for (int a = 0; a < 20; a++) {
          attributes.put("attribute_" + a, "a value of some length, as attributes have: " + a);
        }
      }
    }
    Path file = dir.resolve("monolith.tfstate");
    Files.write(file, StateJson.write(root));
    return file;
  }

  private ApplyReport planAndApply(Path source, Mapping mapping) {
    Path scratch = PrivateFiles.directory(dir, "scratch-");
    StateStores stores = new StateStores(null, null, null, null, scratch);
    MigrationPlan plan = new MigrationPlanner(stores, progress)
        .plan(new SourceRef(source.toString(), null, null), mapping, new DirectoryDestinations(dir.resolve("units")), false, scratch);
    MigrationApplier.Options options = new MigrationApplier.Options(false, false, false, StateStores.Push.S3, 2);
    return new MigrationApplier(stores, new MigrationApplier.Tools(null, null, null), options, progress).apply(plan, "plan", scratch);
  }

  @Test
  void aMonolithOfAThousandUnitsTakesSecondsNotMinutes() throws Exception {
    Path source = monolith(1000, 5);
    long started = System.nanoTime();

    ApplyReport report = planAndApply(source, Mapping.conventional(AddressParser.pattern("module.stage")));

    assertThat(report.exitCode()).isEqualTo(ApplyReport.EXIT_OK);
    assertThat(report.units()).hasSize(1000);
    // About 7 s on a busy 2-core machine; copying the monolith for every unit took 54 s there.
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(25));
  }
}
