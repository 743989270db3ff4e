package io.platform.migrate.apply;

import io.platform.exec.CommandRunner;
import io.platform.migrate.plan.SourceRef;
import io.platform.migrate.storage.EngineStateStore;
import io.platform.migrate.storage.FileStateStore;
import io.platform.migrate.storage.S3Location;
import io.platform.migrate.storage.S3StateStore;
import io.platform.migrate.storage.StateStore;
import io.platform.migrate.storage.StoreSpec;
import io.platform.toolchain.Toolchain;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** Opens state files, S3 objects (with the lock table) and engine directories. */
public final class BackendStateStores implements StateStores {

  private final AwsCredentialsProvider credentials;
  private final URI defaultEndpoint;
  private final CommandRunner runner;
  private final Supplier<Toolchain> toolchain;
  private final Path scratch;

  /**
   * @param defaultEndpoint AWS_ENDPOINT_URL when set (the emulator), else null
   * @param scratch a private directory for files handed to Terraform
   */
  public BackendStateStores(
      AwsCredentialsProvider credentials,
      URI defaultEndpoint,
      CommandRunner runner,
      Supplier<Toolchain> toolchain,
      Path scratch) {
    this.credentials = credentials;
    this.defaultEndpoint = defaultEndpoint;
    this.runner = runner;
    this.toolchain = toolchain;
    this.scratch = scratch;
  }

  /**
   * A state file path, {@code s3://bucket/key}, or {@code tf:DIR} (state pull in that directory).
   */
  @Override
  public StateStore source(SourceRef ref) {
    String spec = ref.spec();
    if (spec.startsWith("s3://")) {
      String rest = spec.substring("s3://".length());
      int slash = rest.indexOf('/');
      if (slash <= 0 || slash == rest.length() - 1) {
        throw new IllegalArgumentException("source " + spec + " is not s3://BUCKET/KEY");
      }
      if (ref.region() == null) {
        throw new IllegalArgumentException(
            "an S3 source needs a region (--source-region or AWS_REGION)");
      }
      return new S3StateStore(
          new S3Location(
              ref.region(),
              rest.substring(0, slash),
              rest.substring(slash + 1),
              ref.lockTable(),
              false,
              false,
              null,
              null),
          credentials,
          defaultEndpoint);
    }
    if (spec.startsWith("tf:")) {
      return terraformStore(Path.of(spec.substring(3)).toAbsolutePath().normalize(), null);
    }
    Path file = Path.of(spec);
    if (!Files.exists(file)) {
      throw new IllegalArgumentException(
          "source "
              + spec
              + " does not exist (a state file, s3://BUCKET/KEY, or tf:DIR for a backend)");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "source " + spec + " is not a state file (use s3://BUCKET/KEY or tf:DIR for a backend)");
    }
    return new FileStateStore(file);
  }

  @Override
  public StateStore destination(StoreSpec spec, Push push) {
    if (spec instanceof StoreSpec.File file) {
      return new FileStateStore(file.path());
    }
    StoreSpec.S3 backend = (StoreSpec.S3) spec;
    S3StateStore s3 = new S3StateStore(backend.location(), credentials, defaultEndpoint);
    return push == Push.TERRAFORM ? terraformStore(backend.unitDir(), s3) : s3;
  }

  /** Through Terragrunt when the directory is a unit, else plain Terraform. */
  private StateStore terraformStore(Path dir, StateStore exactReader) {
    Toolchain tools = toolchain.get();
    boolean unit = Files.isRegularFile(dir.resolve("terragrunt.hcl"));
    Path program = unit ? tools.terragrunt() : tools.engineProgram();
    // Terragrunt decorates Terraform's stdout unless told to forward it as is.
    List<String> raw = unit ? List.of("--tf-forward-stdout") : List.of();
    return new EngineStateStore(
        dir,
        runner,
        args -> tools.command(program, Map.of()).withArgs(args).withArgs(raw).in(dir),
        scratch,
        exactReader);
  }
}
