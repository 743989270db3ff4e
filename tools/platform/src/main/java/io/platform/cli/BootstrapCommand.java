package io.platform.cli;

import io.platform.aws.AwsClients;
import io.platform.backend.BackendBootstrapper;
import io.platform.backend.BackendDiscovery;
import io.platform.backend.BackendSpec;
import io.platform.backend.BootstrapStep;
import io.platform.exec.ProcessRunner;
import io.platform.live.Unit;
import io.platform.live.UnitDiscovery;
import io.platform.terraform.Terragrunt;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code platform bootstrap}: create the state bucket and lock table, hardened. */
@Command(
    name = "bootstrap",
    mixinStandardHelpOptions = true,
    description = {
      "Creates or hardens the state buckets and lock tables of the units below DIR.",
      "Every S3 state bucket and DynamoDB lock table the units' remote_state blocks name: versioned, KMS-encrypted,"
          + " public access blocked, TLS-only policy; the lock table KMS-encrypted from creation. Honours"
          + " AWS_ENDPOINT_URL (set by: eval \"$(platform emulator env)\")."
    })
final class BootstrapCommand extends PlatformSubcommand {
  @Mixin EngineOption engineOption;

  @Parameters(
      index = "0",
      paramLabel = "DIR",
      description = "A live tree or environment, e.g. live/staging.")
  Path root;

  @Override
  protected int execute() {
    List<Unit> units = UnitDiscovery.find(root, List.of(), List.of());
    if (units.isEmpty()) {
      throw new IllegalArgumentException(
          "no units (terragrunt.hcl) under " + root + ": nothing to bootstrap");
    }
    URI endpoint = requireEndpointAnswering();
    Terragrunt terragrunt = new Terragrunt(new ProcessRunner(), engineOption.toolchain(), Map.of());
    List<BackendSpec> backends = BackendDiscovery.of(terragrunt, units);
    BackendBootstrapper bootstrapper =
        new BackendBootstrapper(AwsClients.defaultCredentials(), endpoint);
    for (BackendSpec backend : backends) {
      for (BootstrapStep step : bootstrapper.bootstrap(backend)) {
        out().println(step.resource() + "  " + step.setting() + ": " + step.outcome());
      }
    }
    return 0;
  }
}
