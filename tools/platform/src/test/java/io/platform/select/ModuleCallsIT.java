package io.platform.select;

import static org.assertj.core.api.Assertions.assertThat;

import io.platform.exec.ProcessRunner;
import io.platform.terraform.ConfigInspect;
import io.platform.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local modules a module calls, read by terraform-config-inspect from real configuration. */
class ModuleCallsIT {
  private final ModuleCalls calls =
      new ModuleCalls(new ConfigInspect(new ProcessRunner(), Toolchain.locate()));

  @Test
  void localCallsAreFollowedToAnyDepthAndRegistrySourcesAreNot(@TempDir Path modules)
      throws IOException {
    module(
        modules.resolve("app"),
        """
        module "key" {
          source = "../_key"
        }

        module "net" {
          source  = "terraform-aws-modules/vpc/aws"
          version = "6.0.0"
        }

        module "lib" {
          source = "./lib"
        }
        """);
    module(modules.resolve("app/lib"), "");
    // A cycle back to the caller ends the walk instead of looping.
    module(modules.resolve("_key"), "module \"base\" {\n  source = \"../base\"\n}\n");
    module(modules.resolve("base"), "module \"app\" {\n  source = \"../app\"\n}\n");

    assertThat(calls.apply(modules.resolve("app")))
        .containsExactly(
            modules.resolve("_key"), modules.resolve("app/lib"), modules.resolve("base"));
    assertThat(calls.apply(modules.resolve("app/lib"))).isEmpty();
  }

  @Test
  void theModulesOfThisRepositoryThatCreateAKeyCallTheSharedKeyModule() {
    Path modules = Path.of(System.getProperty("platform.repo.root")).resolve("modules");

    for (String module : new String[] {"athena", "rds", "kill-switch", "eks", "cloudflared-ec2"}) {
      assertThat(calls.apply(modules.resolve(module)))
          .as(module)
          .containsExactly(modules.resolve("_kms-key"));
    }
    assertThat(calls.apply(modules.resolve("vpc"))).isEmpty();
  }

  private static void module(Path dir, String mainTf) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("main.tf"), mainTf);
  }
}
