package io.platform.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanModulesTest {

  /** A plan file as Terraform writes one: a zip holding the plan and its configuration. */
  static Path planFile(Path file, String manifest) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("tfplan"));
      zip.write(new byte[] {8, 3});
      if (manifest != null) {
        zip.putNextEntry(new ZipEntry("tfconfig/modules.json"));
        zip.write(manifest.getBytes(StandardCharsets.UTF_8));
      }
    }
    return file;
  }

  @Test
  void aConfigurationOfTheRootModuleAloneCallsNoModule(@TempDir Path dir) throws IOException {
    assertThat(
            PlanModules.rootOnly(
                planFile(dir.resolve("unit.tfplan"), "[{\"Key\": \"\", \"Dir\": \".\"}]")))
        .isTrue();
  }

  @Test
  void aModuleCallOrAnUnreadableManifestIsNotRootOnly(@TempDir Path dir) throws IOException {
    String withChild =
        "[{\"Key\": \"\", \"Dir\": \".\"}, {\"Key\": \"network\", \"Source\": \"./network\", \"Dir\": \"network\"}]";
    assertThat(PlanModules.rootOnly(planFile(dir.resolve("unit.tfplan"), withChild))).isFalse();
    assertThat(PlanModules.rootOnly(planFile(dir.resolve("unit.tfplan"), null))).isFalse();
    assertThat(PlanModules.rootOnly(planFile(dir.resolve("unit.tfplan"), "[]"))).isFalse();
    assertThat(PlanModules.rootOnly(planFile(dir.resolve("unit.tfplan"), "{\"Key\": \"\"}")))
        .isFalse();
    assertThat(PlanModules.rootOnly(planFile(dir.resolve("unit.tfplan"), "[{\"Key\": \"\"")))
        .isFalse();

    Path notAZip = Files.writeString(dir.resolve("text.tfplan"), "not a plan");
    assertThat(PlanModules.rootOnly(notAZip)).isFalse();
    assertThat(PlanModules.rootOnly(dir.resolve("missing.tfplan"))).isFalse();
  }
}
