package io.platform.cli;

import io.platform.docs.ModuleReadmes;
import io.platform.exec.ProcessRunner;
import io.platform.exit.ExitCode;
import io.platform.terraform.ConfigInspect;
import io.platform.toolchain.Toolchain;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code platform docs}: the generated inputs/outputs section of every module README. */
@Command(
    name = "docs",
    mixinStandardHelpOptions = true,
    description = {
      "Writes each module's inputs, outputs and resources into its README.",
      "Requirements, resources, inputs and outputs go between <!-- BEGIN_TF_DOCS --> and <!-- END_TF_DOCS --> of the"
          + " module's README.md; prose outside is kept. With --check, changes nothing and exits 1 when a README is"
          + " out of date."
    })
final class DocsCommand extends PlatformSubcommand {
  @Parameters(
      index = "0",
      paramLabel = "DIR",
      defaultValue = "modules",
      description = "Directory of modules (default: ${DEFAULT-VALUE}).")
  Path modules;

  @Option(names = "--check", description = "Only report READMEs that are out of date.")
  boolean check;

  @Override
  protected int execute() {
    ModuleReadmes readmes =
        new ModuleReadmes(new ConfigInspect(new ProcessRunner(), Toolchain.locate()));
    List<Path> stale = readmes.update(modules, !check);
    for (Path readme : stale) {
      out().println((check ? "out of date: " : "updated: ") + readme);
    }
    if (check && !stale.isEmpty()) {
      err().println("error: run scripts/platform docs to regenerate");
      return ExitCode.ERROR.code();
    }
    return 0;
  }
}
