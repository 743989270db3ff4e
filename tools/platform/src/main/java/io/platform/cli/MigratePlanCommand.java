package io.platform.cli;

import io.platform.exec.ProcessRunner;
import io.platform.exit.ExitCode;
import io.platform.migrate.apply.Destinations;
import io.platform.migrate.apply.DirectoryDestinations;
import io.platform.migrate.apply.LiveTreeDestinations;
import io.platform.migrate.apply.LiveTreeInterfaces;
import io.platform.migrate.apply.MigrationPlanner;
import io.platform.migrate.config.Mapping;
import io.platform.migrate.config.MappingFile;
import io.platform.migrate.plan.MigrationPlan;
import io.platform.migrate.plan.PlanJson;
import io.platform.migrate.plan.PlanText;
import io.platform.migrate.plan.SourceRef;
import io.platform.migrate.slice.MigrationRefusedException;
import io.platform.migrate.storage.PrivateFiles;
import io.platform.migrate.wiring.ConfigSource;
import io.platform.select.ModuleCalls;
import io.platform.terraform.ConfigInspect;
import io.platform.terraform.Terraform;
import io.platform.terraform.Terragrunt;
import io.platform.toolchain.EngineRelease;
import io.platform.toolchain.Toolchain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code platform migrate plan}: the reviewable plan, written to a file and printed. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Plans a migration: every source -> destination address, per unit.",
      "Reads the monolith once into a hashed snapshot, finds the direct child",
      "modules of the prefix in the state, and maps each to a unit (by name, or",
      "by the mapping file). Refuses (exit 3) unmapped resources and colliding",
      "destinations. Writes nothing but the plan file."
    })
final class MigratePlanCommand extends PlatformSubcommand {
  @Mixin EngineOption engineOption;

  @Option(
      names = "--source",
      required = true,
      paramLabel = "SRC",
      description =
          "The monolith state: a file, s3://BUCKET/KEY, or tf:DIR (state pull in a Terraform or Terragrunt directory).")
  String source;

  @Option(
      names = "--source-region",
      paramLabel = "REGION",
      description = "Region of an S3 source (default: AWS_REGION).")
  String sourceRegion = System.getenv("AWS_REGION");

  @Option(
      names = "--source-lock-table",
      paramLabel = "TABLE",
      description =
          "DynamoDB lock table of an S3 source: its digest is checked, and apply holds its lock.")
  String sourceLockTable;

  static final class Destination {
    @Option(
        names = "--live",
        paramLabel = "DIR",
        description = "A live tree (e.g. live/local): units and their S3 backends.")
    Path live;

    @Option(
        names = "--to-dir",
        paramLabel = "DIR",
        description = "Write unit states as DIR/<unit>/terraform.tfstate instead (not verified).")
    Path toDir;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Destination destination;

  @Option(
      names = "--mapping",
      paramLabel = "FILE",
      description = "Mapping file (JSON): prefix, renames, merges, exclude, into, providers.")
  Path mappingFile;

  @Option(
      names = "--prefix",
      paramLabel = "PATTERN",
      description =
          "Where the components are, e.g. 'module.client_stage.module.*', or '' for the root module's own module calls (wins over the mapping file's).")
  String prefix;

  @Option(
      names = "--config",
      paramLabel = "DIR",
      description =
          "The monolith's configuration (root module): the references between its modules that cross units are listed, and checked against the --live tree.")
  Path config;

  @Option(
      names = "--allow-existing",
      description =
          "Add to unit states that already exist (their lineage, serial + 1) instead of refusing.")
  boolean allowExisting;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Where to save the plan (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("migration-plan.json");

  @Override
  protected int execute() {
    Mapping mapping = mapping();
    Path scratch = PrivateFiles.directory("platform-migrate-");
    try {
      requireEndpointAnswering();
      Toolchain toolchain = engineOption.toolchain();
      EngineRelease engine = new Terraform(new ProcessRunner(), toolchain, Map.of()).release();
      ProcessRunner runner = new ProcessRunner();
      Terragrunt terragrunt = new Terragrunt(runner, toolchain, Map.of());
      Destinations destinations =
          destination.live != null
              ? new LiveTreeDestinations(destination.live, terragrunt)
              : new DirectoryDestinations(destination.toDir);
      ConfigSource configSource = null;
      if (config != null) {
        ConfigInspect inspect = new ConfigInspect(runner, toolchain);
        configSource =
            new ConfigSource(
                config,
                new Terraform(runner, toolchain, Map.of()),
                new ModuleCalls(inspect),
                destination.live == null
                    ? null
                    : new LiveTreeInterfaces(destination.live, terragrunt, inspect));
      }
      MigrationPlan plan =
          new MigrationPlanner(
                  MigrationEnvironment.stores(scratch, () -> toolchain), engine, this::progress)
              .plan(
                  new SourceRef(source, sourceRegion, sourceLockTable),
                  mapping,
                  destinations,
                  allowExisting,
                  scratch,
                  configSource);
      write(out, PlanJson.write(plan));
      out().print(PlanText.render(plan));
      out().flush();
      progress("plan saved to " + out + "; carry it out with: platform migrate apply " + out);
      return 0;
    } catch (MigrationRefusedException e) {
      err().println("refused: " + e.getMessage());
      return ExitCode.REFUSED.code();
    } finally {
      PrivateFiles.delete(scratch);
    }
  }

  private Mapping mapping() {
    Mapping mapping = mappingFile == null ? null : MappingFile.read(mappingFile);
    if (prefix != null) {
      var pattern = MappingFile.prefix(prefix, "--prefix");
      mapping = mapping == null ? Mapping.conventional(pattern) : mapping.withPrefix(pattern);
    }
    if (mapping == null || mapping.prefix() == null) {
      throw new ParameterException(
          spec.commandLine(), "no prefix: give --prefix or a mapping file with \"prefix\"");
    }
    return mapping;
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
