package io.platform.terratest.modules;

import io.platform.exec.ExecResult;
import io.platform.exec.ProcessRunner;
import io.platform.terraform.Terraform;
import io.platform.toolchain.Toolchain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The Cloudflare provider, as the tests that need it get it: from a filesystem mirror named by
 * {@code PLATFORM_PROVIDER_MIRROR} (which setup writes into the Terraform CLI configuration) or
 * from its registry. Where neither has it, those tests are skipped with the reason; where a mirror
 * was given and still does not serve it, they fail, so that a broken mirror is never mistaken for a
 * machine without one.
 */
final class CloudflareProvider {
  static final String MIRROR_VARIABLE = "PLATFORM_PROVIDER_MIRROR";

  /** What Terraform says when no installation method can serve a provider. */
  private static final Pattern NOT_INSTALLABLE =
      Pattern.compile(
          "Failed to query available provider packages|could not connect to registry|no available releases"
              + "|Failed to install provider|provider registry\\.terraform\\.io/cloudflare/cloudflare was not found");

  private CloudflareProvider() {}

  /**
   * Runs {@code terraform init} in {@code dir}; skips the calling test class when the provider
   * cannot be installed here and no mirror was given, fails when one was.
   */
  static void init(Path dir) {
    Terraform terraform = new Terraform(new ProcessRunner(), Toolchain.locate(), Map.of());
    ExecResult init =
        terraform.run(dir, Duration.ofMinutes(5), "init", "-input=false", "-no-color");
    if (init.succeeded()) {
      return;
    }
    String output = init.stdout() + init.stderr();
    if (!NOT_INSTALLABLE.matcher(output).find()) {
      init.requireSuccess();
    }
    String mirror = System.getenv(MIRROR_VARIABLE);
    if (mirror != null && !mirror.isBlank()) {
      throw new AssertionError(
          "the Cloudflare provider is in none of the mirrors in "
              + MIRROR_VARIABLE
              + " ("
              + mirror
              + ") and not reachable on its registry; rerun scripts/setup.sh after fixing the mirror:\n"
              + output);
    }
    Assumptions.abort(
        "the Cloudflare provider cannot be installed here (no registry access and no "
            + MIRROR_VARIABLE
            + "; see docs/toolchain.md)");
  }
}
