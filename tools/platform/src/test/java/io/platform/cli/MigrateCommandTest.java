package io.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.platform.exit.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return PlatformCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void helpListsBothStepsAndTheRefusedExitCode() {
    assertThat(run("migrate", "--help")).isZero();

    assertThat(out.toString()).contains("plan", "apply", "3", "refused");
  }

  @Test
  void aPlanNeedsASourceAndOneDestination() {
    assertThat(run("migrate", "plan", "--live", "live/local")).isEqualTo(ExitCode.USAGE.code());
    assertThat(run("migrate", "plan", "--source", "x", "--live", "a", "--to-dir", "b"))
        .isEqualTo(ExitCode.USAGE.code());
    assertThat(run("migrate")).isEqualTo(ExitCode.USAGE.code());
  }

  @Test
  void applyRefusesNoParallelismAndAnUnknownPushMethodAsUsageErrors() {
    assertThat(run("migrate", "apply", "plan.json", "--parallelism", "0"))
        .isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("--parallelism must be at least 1, not 0");
    assertThat(run("migrate", "apply", "plan.json", "--push", "ftp"))
        .isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("--push must be s3 or terraform, not ftp");
  }

  @Test
  void slicesAStateFileIntoFilesAndRefusesWhatItCannotPlace(@TempDir Path dir) throws IOException {
    Path source = dir.resolve("mono.tfstate");
    Files.writeString(
        source,
        """
        {"version": 4, "terraform_version": "1.11.4", "serial": 3, "lineage": "mono", "outputs": {},
         "resources": [
          {"module": "module.stage.module.net.module.vpc", "mode": "managed", "type": "terraform_data", "name": "x",
           "provider": "provider[\\"terraform.io/builtin/terraform\\"]",
           "instances": [{"index_key": "a b", "schema_version": 0, "attributes": {"id": "1", "input": {"value": "hunter2", "type": "string"}}}]},
          {"mode": "managed", "type": "terraform_data", "name": "stray",
           "provider": "provider[\\"terraform.io/builtin/terraform\\"]", "instances": [{"schema_version": 0, "attributes": {"id": "2"}}]}]}
        """,
        StandardCharsets.UTF_8);
    Path plan = dir.resolve("plan.json");

    int refused =
        run(
            "migrate",
            "plan",
            "--source",
            source.toString(),
            "--to-dir",
            dir.resolve("units").toString(),
            "--prefix",
            "module.stage.module.*",
            "--out",
            plan.toString());

    assertThat(refused).isEqualTo(3);
    assertThat(err.toString()).contains("unmapped: terraform_data.stray is outside the prefix");
    assertThat(plan).doesNotExist();

    Path mapping = dir.resolve("mapping.json");
    Files.writeString(
        mapping,
        "{\"prefix\": \"module.stage.module.*\", \"exclude\": [\"terraform_data.stray\"]}");
    assertThat(
            run(
                "migrate",
                "plan",
                "--source",
                source.toString(),
                "--to-dir",
                dir.resolve("units").toString(),
                "--mapping",
                mapping.toString(),
                "--out",
                plan.toString()))
        .isZero();
    assertThat(out.toString())
        .contains(
            "module.stage.module.net.module.vpc.terraform_data.x[\"a b\"] -> terraform_data.x[\"a b\"]");

    assertThat(run("migrate", "apply", plan.toString())).as(err.toString()).isZero();
    Path unit = dir.resolve("units/vpc/terraform.tfstate");
    assertThat(Files.readString(unit))
        .contains("\"lineage\"", "\"index_key\": \"a b\"")
        .doesNotContain("\"module\"");
    assertThat(Files.getPosixFilePermissions(unit))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(out.toString() + err.toString()).doesNotContain("hunter2");
    assertThat(Files.readString(source)).contains("\"serial\": 3");

    // Someone else's state where the unit's goes: refused, and overwritten only when forced.
    String foreign = "{\"version\": 4, \"serial\": 9, \"lineage\": \"foreign\", \"resources\": []}";
    Files.writeString(unit, foreign);
    assertThat(run("migrate", "apply", plan.toString())).isEqualTo(3);
    assertThat(Files.readString(unit)).isEqualTo(foreign);
    assertThat(run("migrate", "apply", plan.toString(), "--force")).isZero();
    assertThat(Files.readString(unit))
        .contains("\"serial\": 10", "\"index_key\": \"a b\"")
        .doesNotContain("foreign");
  }
}
