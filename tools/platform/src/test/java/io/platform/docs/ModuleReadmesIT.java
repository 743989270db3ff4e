package io.platform.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.platform.exec.ProcessRunner;
import io.platform.terraform.ConfigInspect;
import io.platform.toolchain.Toolchain;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every module README carries the inputs and outputs its code declares today. */
class ModuleReadmesIT {

  @Test
  void everyModuleReadmeIsCurrent() {
    Path modules = Path.of(System.getProperty("platform.repo.root")).resolve("modules");
    ModuleReadmes readmes =
        new ModuleReadmes(new ConfigInspect(new ProcessRunner(), Toolchain.locate()));

    assertThat(readmes.update(modules, false))
        .as("READMEs out of date; run scripts/platform docs")
        .isEmpty();
  }
}
