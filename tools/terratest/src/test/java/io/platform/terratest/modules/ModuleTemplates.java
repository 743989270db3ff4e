package io.platform.terratest.modules;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.platform.exec.ProcessRunner;
import io.platform.terraform.Terraform;
import io.platform.terratest.Repo;
import io.platform.toolchain.Toolchain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A module's template rendered by Terraform's own {@code templatefile()}, as the module renders it.
 */
final class ModuleTemplates {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration LIMIT = Duration.ofMinutes(2);

  private ModuleTemplates() {}

  /**
   * Renders {@code template} (relative to the repository root) with {@code vars} in a scratch root
   * module under {@code dir} and writes the result, executable, to {@code dir/name}.
   */
  static Path render(Path dir, String template, Map<String, String> vars, String name)
      throws IOException {
    Files.writeString(
        dir.resolve("main.tf"),
        """
        variable "vars" {
          type = map(string)
        }

        output "rendered" {
          value = templatefile(%s, var.vars)
        }
        """
            .formatted(JSON.writeValueAsString(Repo.root().resolve(template).toString())),
        StandardCharsets.UTF_8);
    Map<String, Object> tfvars = new LinkedHashMap<>();
    tfvars.put("vars", vars);
    JSON.writeValue(dir.resolve("terraform.tfvars.json").toFile(), tfvars);

    Terraform terraform = new Terraform(new ProcessRunner(), Toolchain.locate(), Map.of());
    terraform.run(dir, LIMIT, "init", "-input=false").requireSuccess();
    terraform.run(dir, LIMIT, "apply", "-input=false", "-auto-approve").requireSuccess();
    String rendered =
        terraform.run(dir, LIMIT, "output", "-raw", "rendered").requireSuccess().stdout();
    Path script = dir.resolve(name);
    Files.writeString(script, rendered, StandardCharsets.UTF_8);
    script.toFile().setExecutable(true);
    return script;
  }
}
