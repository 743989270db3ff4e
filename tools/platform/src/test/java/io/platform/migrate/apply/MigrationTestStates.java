package io.platform.migrate.apply;

import io.platform.exec.ExecResult;
import io.platform.migrate.config.Mapping;
import io.platform.migrate.config.MappingFile;
import io.platform.migrate.plan.SourceRef;
import io.platform.toolchain.Engine;
import io.platform.toolchain.EngineRelease;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A two-component monolith of terraform_data, the stores that read and write it as files. */
final class MigrationTestStates {
  static final EngineRelease TERRAFORM = new EngineRelease(Engine.TERRAFORM, "1.11.4");

  /** The root module's own module calls are the components (--prefix ''). */
  static final Mapping MAPPING = Mapping.conventional(MappingFile.prefix("", "--prefix"));

  private MigrationTestStates() {}

  static String monolith(String writtenBy) {
    return """
        {"version": 4, "terraform_version": "%s", "serial": 7, "lineage": "mono", "outputs": {},
         "resources": [
          {"module": "module.vpc", "mode": "managed", "type": "terraform_data", "name": "net",
           "provider": "provider[\\"terraform.io/builtin/terraform\\"]",
           "instances": [{"schema_version": 0, "attributes": {"id": "n1"}}]},
          {"module": "module.eks", "mode": "managed", "type": "terraform_data", "name": "cluster",
           "provider": "provider[\\"terraform.io/builtin/terraform\\"]",
           "instances": [{"index_key": 0, "schema_version": 0, "attributes": {"id": "c0"}},
                         {"index_key": 1, "schema_version": 0, "attributes": {"id": "c1"}}]}]}
        """
        .formatted(writtenBy);
  }

  static Path write(Path file, String content) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SourceRef source(Path file) {
    return new SourceRef(file.toString(), null, null);
  }

  /** File stores only: no AWS, and an engine that must never be run. */
  static BackendStateStores stores(Path scratch) {
    return new BackendStateStores(
        null,
        null,
        command -> new ExecResult(command, 1, "", "not run in a unit test", Duration.ZERO, false),
        () -> {
          throw new AssertionError("file stores run no tool");
        },
        scratch);
  }
}
